/**
 * Links that would run script or open a page the site does not serve: `javascript:`, `vbscript:` and `data:`
 * addresses in a body's links, images, reference definitions and HTML/JSX `href`/`src` attributes. Read from
 * the body's syntax tree, where the parser has already decoded character references
 * (`jav&#97;script:` is `javascript:` there), and compared the way a browser reads a scheme: tabs and line
 * breaks anywhere dropped, leading spaces and control characters dropped, any case.
 */
import { bodyTree, syntaxOf, type BodyNode } from './body-tree.ts';

/** A dangerous address in a body: its line in the file, where it is, and the address, shortened. */
export interface UnsafeLink {
  line: number;
  where: string;
  address: string;
}

const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/;
/** A picture a browser only draws: no script runs in a raster image. */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp)[;,]/;
/** Attributes whose value a browser follows or loads. */
const ADDRESS_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data']);
/** An address attribute in raw HTML (a Markdown body's `<a href="…">`). */
const HTML_ADDRESS = /\b(href|src|action|formaction|xlink:href|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

const SHOWN = 40;

/** The scheme as a browser reads it: lower case, without the characters its URL parser drops. */
export function normalisedAddress(address: string): string {
  let start = 0;
  while (start < address.length && address.charCodeAt(start) <= 0x20) start++;
  return address
    .slice(start)
    .replace(/[\t\n\r]/g, '')
    .toLowerCase();
}

/** Whether an address would run script or open a document of its own when followed (or loaded, for `image`). */
export function isUnsafeAddress(address: string, image = false): boolean {
  const normal = normalisedAddress(address);
  if (!UNSAFE_SCHEME.test(normal)) return false;
  return !(image && SAFE_DATA_IMAGE.test(normal));
}

export function unsafeLinks(body: string, bodyLine: number, file: string): UnsafeLink[] {
  // Every unsafe address holds one of these, as written or as a character reference, once the tabs and line
  // breaks a browser drops from an address are dropped here too (`javas<TAB>cript:`).
  if (!/script|data\s*:|&#|&[a-z]+;/i.test(body.replace(/[\t\n\r]/g, ''))) return [];
  const syntax = syntaxOf(file);
  const tree = bodyTree(body, bodyLine, syntax);
  if (!tree) return [];
  const found: UnsafeLink[] = [];
  const lineOf = (node: BodyNode) => bodyLine + (node.position?.start.line ?? 1) - 1;
  const report = (node: BodyNode, where: string, address: string, image = false) => {
    if (isUnsafeAddress(address, image)) found.push({ line: lineOf(node), where, address: shorten(address) });
  };
  const visit = (node: BodyNode): void => {
    if (node.type === 'link') report(node, 'a link', node.url ?? '');
    else if (node.type === 'image') report(node, 'an image', node.url ?? '', true);
    else if (node.type === 'definition') report(node, 'a link definition', node.url ?? '');
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes ?? []) {
        const name = attribute.name?.toLowerCase() ?? '';
        if (typeof attribute.value !== 'string' || !ADDRESS_ATTRIBUTES.has(name)) continue;
        report(node, `\`${name}\` of \`<${node.name ?? ''}>\``, attribute.value, name === 'src' && node.name === 'img');
      }
    } else if (node.type === 'html' && typeof node.value === 'string') {
      for (const match of node.value.matchAll(HTML_ADDRESS)) {
        const address = decodeReferences(match[2] ?? match[3] ?? match[4] ?? '');
        const image = match[1]!.toLowerCase() === 'src' && /^<img\b/i.test(node.value);
        report(node, `\`${match[1]!.toLowerCase()}\` of an HTML element`, address, image);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return found;
}

/** Character references a browser decodes in an attribute of raw HTML, as far as a scheme needs. */
function decodeReferences(text: string): string {
  const named: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&' };
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (hex) return String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
      if (decimal) return String.fromCodePoint(Math.min(Number(decimal), 0x10ffff));
      return named[name!.toLowerCase()] ?? whole;
    },
  );
}

function shorten(address: string): string {
  const flat = address.replace(/\s+/g, ' ').trim();
  return flat.length > SHOWN ? `${flat.slice(0, SHOWN - 1)}…` : flat;
}

/**
 * What a company still has to write or decide: the placeholders the templates leave, as the engine knows them.
 *
 * - A `<Todo>` element in a body (in an `.md` body, the `<Todo>` HTML tag) is text still to write: the
 *   template's guidance, shown as a "To do" box on the private sites.
 * - A string field whose value starts with `TODO` is a value still to choose (YAML has no elements).
 * - A default left in: an address or site at example.com, example.org or example.net (the reserved names the
 *   templates and `init` start from), in a body's text or links or in a field. Code (`` `user@example.com` ``)
 *   is an example, not a placeholder.
 *
 * Worked out once per model; the rule reports them and the public view withholds what holds one.
 */
import { memo } from './memo.ts';
import { bodyTree, isElement, syntaxOf, textOf, type BodyNode } from './body-tree.ts';
import { lineOfPath, type KeyLines } from './frontmatter.ts';
import { allDocuments, type Document, type ProgramModel } from './model.ts';
import { isApproved } from './policy-approval.ts';

export interface Placeholder {
  /** `todo`: text or a value still to write; `default`: a template default (an example.com address) left in. */
  kind: 'todo' | 'default';
  /** Line in the file. */
  line: number;
  /** What is left: the to-do's text (white space flattened), or the default value. */
  text: string;
  /** For a placeholder in a field: its path (`contact`, `artifacts.0.location`). */
  field?: string;
}

export interface ProgramPlaceholders {
  /** Each document that holds a placeholder, with them in file order. */
  documents: Map<Document<unknown>, Placeholder[]>;
  /** The placeholders of content/program.yaml's fields, by field. */
  program: Placeholder[];
}

/**
 * An address or site under one of the reserved example domains the templates start from. The sample program's
 * own fictional domain (`tallowbrook.example`) is a made-up company's, not a default, and is not matched.
 */
const defaultDomain =
  /(?<![\w.@%+/:-])(?:https?:\/\/)?(?:[\w.%+-]+@)?(?:[a-z0-9-]+\.)*example\.(?:com|org|net)\b(?:\/[^\s)\]>"']*)?/i;

/** The default address or site in a text, if any. */
export function defaultIn(text: string): string | undefined {
  return defaultDomain.exec(text)?.[0];
}

/** A string value still to be chosen: it starts with TODO. */
const todoValue = /^\s*TODO\b/;

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The placeholders of a body that starts on line `bodyLine` of a file written in `syntax`. */
export function bodyPlaceholders(body: string, bodyLine: number, file: string): Placeholder[] {
  // Most bodies hold no placeholder, and a fully cached check parses no body: only a body that mentions one
  // of the markers is parsed, and the tree decides.
  if (!/todo|example\.(?:com|org|net)/i.test(body)) return [];
  const syntax = syntaxOf(file);
  const tree = bodyTree(body, bodyLine, syntax);
  if (!tree) return [];
  const found: Placeholder[] = [];
  const lineOf = (node: BodyNode) => bodyLine + (node.position?.start.line ?? 1) - 1;
  const visit = (node: BodyNode): void => {
    if (isElement(node, 'Todo')) {
      found.push({ kind: 'todo', line: lineOf(node), text: flatten(textOf(node)) || 'to do' });
      return;
    }
    if (syntax === 'markdown' && isTodoTag(node)) {
      // A block: the whole element is one HTML node.
      found.push({ kind: 'todo', line: lineOf(node), text: flatten(String(node.value).replace(/<[^>]*>/g, '')) });
      return;
    }
    if (node.type === 'code' || node.type === 'inlineCode') return;
    const value = node.type === 'text' ? defaultIn(String(node.value ?? '')) : undefined;
    const url = node.type === 'link' && node.url ? defaultIn(node.url.replace(/^mailto:/i, '')) : undefined;
    const hit = value ?? url;
    if (hit) found.push({ kind: 'default', line: lineOf(node), text: hit });
    // A link whose text is its address is one placeholder, not two.
    if (url && node.children?.every((child) => child.type === 'text' && defaultIn(String(child.value)))) return;
    const children = node.children ?? [];
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (syntax === 'markdown' && isTodoTag(child) && !/<\/Todo>/.test(String(child.value))) {
        // Inside a paragraph, Markdown keeps `<Todo>` and `</Todo>` as two HTML nodes around the text.
        let end = index + 1;
        while (end < children.length && !/^<\/Todo>/.test(String(children[end]!.value ?? ''))) end++;
        const text = children
          .slice(index + 1, end)
          .map(textOf)
          .join('');
        found.push({ kind: 'todo', line: lineOf(child), text: flatten(text) || 'to do' });
        index = end;
        continue;
      }
      visit(child);
    }
  };
  visit(tree);
  return found;
}

/** An HTML node opening a `<Todo>` element, in a Markdown body. */
function isTodoTag(node: BodyNode): boolean {
  return node.type === 'html' && /^<Todo[\s>]/.test(String(node.value));
}

/** The placeholders in a document's fields (frontmatter or YAML), each with its line. */
export function valuePlaceholders(data: unknown, keyLines: KeyLines): Placeholder[] {
  const found: Placeholder[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      // The line is looked up only for a value that holds a placeholder: working out a file's key lines
      // parses its YAML a second time, which only a file with a finding should pay for.
      const todo = todoValue.test(value);
      const hit = todo ? undefined : defaultIn(value);
      if (!todo && hit === undefined) return;
      const field = path.join('.');
      const line = lineOfPath(keyLines, path);
      found.push(
        todo ? { kind: 'todo', line, text: flatten(value), field } : { kind: 'default', line, text: hit!, field },
      );
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(data, []);
  return found;
}

/** Every placeholder of the program, worked out once per model. */
export function programPlaceholders(model: ProgramModel): ProgramPlaceholders {
  return memo(model, 'placeholders', () => findPlaceholders(model));
}

function findPlaceholders(model: ProgramModel): ProgramPlaceholders {
  const documents = new Map<Document<unknown>, Placeholder[]>();
  for (const document of allDocuments(model)) {
    const found = [
      ...valuePlaceholders(document.data, document.keyLines),
      ...bodyPlaceholders(document.body, document.bodyLine, document.file),
    ].sort((a, b) => a.line - b.line);
    if (found.length > 0) documents.set(document, found);
  }
  const program = model.program ? valuePlaceholders(model.program.data, model.program.keyLines) : [];
  return { documents, program };
}

/** The program's fields that still hold a placeholder (`contact`, `website`...), top-level names only. */
export function unfinishedProgramFields(model: ProgramModel): Set<string> {
  return new Set(programPlaceholders(model).program.map((placeholder) => placeholder.field!.split('.')[0]!));
}

/** The fields of a vendor the trust center's subprocessor list shows. */
const subprocessorFields = new Set(['name', 'purpose', 'data', 'locations']);
/** The fields of a control the trust center's practices page shows. */
const practiceFields = new Set(['title', 'public_summary', 'criteria']);

/**
 * How a document's placeholders would reach the trust center:
 * - `withheld`: the trust center would show them, so it leaves the document out until they are filled (a
 *   public policy, a trust page, a published practice);
 * - `published`: the trust center must show the document and cannot leave it out (a subprocessor: the list
 *   customers are owed has to be complete), so the placeholder would be published;
 * - `private`: only the employee portal and the auditor site show them.
 */
export function trustCenterReach(
  document: Document<unknown>,
  placeholders: readonly Placeholder[],
): 'withheld' | 'published' | 'private' {
  const data = document.data as {
    audience?: readonly string[];
    public?: boolean;
    public_summary?: string;
    status?: string;
  };
  const inFields = (fields: Set<string>) =>
    placeholders.some((placeholder) => placeholder.field !== undefined && fields.has(placeholder.field.split('.')[0]!));
  switch (document.kind) {
    case 'trust-page':
      return 'withheld';
    case 'vendor':
      return data.public && inFields(subprocessorFields) ? 'published' : 'private';
    case 'control':
      return data.status === 'implemented' && data.public_summary !== undefined && inFields(practiceFields)
        ? 'withheld'
        : 'private';
    default:
      return data.audience?.includes('public') ? 'withheld' : 'private';
  }
}

/**
 * The documents the trust center leaves out until they are finished: those whose placeholders it would show,
 * and public policies nobody has approved yet. A draft is half-written in the same way: publishing it would
 * present a template as a policy in force (TB214).
 */
export function withheldFromTrustCenter(model: ProgramModel): Set<Document<unknown>> {
  const withheld = new Set<Document<unknown>>();
  for (const [document, placeholders] of programPlaceholders(model).documents) {
    if (trustCenterReach(document, placeholders) === 'withheld') withheld.add(document);
  }
  for (const policy of model.policies) {
    if (policy.data.audience.includes('public') && !isApproved(policy)) withheld.add(policy);
  }
  return withheld;
}

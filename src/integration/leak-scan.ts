/**
 * The leak scan: proves after every build that no site contains text from a document its audience may not
 * see. Forbidden text is cut into 8-word shingles (long text) and whole phrases (short text such as notes and
 * URLs); a name (a vendor's, a person's, a recipient's) is looked for as whole words whatever its length, unless
 * it is one common word (`commonWords`, extended by the integration's `leakScan.allow`). Text that a site may
 * legitimately show is subtracted first, so shared boilerplate never counts as a leak; for a document body that
 * is the text it renders (its syntax tree's text), never its source, so an import path allows nothing.
 *
 * Both sides are read the same way: Unicode NFKC, invisible characters (zero-width, soft hyphen, bidi marks)
 * dropped, lower case, cut into words of letters and digits.
 */
import { Parser } from 'htmlparser2';
import { bodyTree, syntaxOf, type BodyNode } from '../engine/body-tree.ts';
import type { CheckResult } from '../engine/index.ts';
import type { DataOf, DocumentKind } from '../engine/document-kinds.ts';
import { allDocuments, type Document } from '../engine/model.ts';
import { programPlaceholders, unfinishedProgramFields, withheldFromTrustCenter } from '../engine/placeholders.ts';
import { isApproved } from '../engine/policy-approval.ts';
import type { Site } from '../site/sites.ts';
import { canSee } from '../site/sites.ts';
import type { HistoricalSubject } from '../trust-center/trust-updates.ts';
import { commonWords } from './leak-scan-words.ts';

const SHINGLE = 8;
const MIN_PHRASE_WORDS = 3;
/**
 * In a binary file (an image, a PDF, a font) only the runs of text between its bytes are read, and there a
 * one-word name shorter than this is not looked for: random bytes spell a short word now and then.
 */
const MIN_BINARY_WORD = 6;
/** A word: a run of letters and digits, in any script. */
const wordPattern = /[\p{L}\p{N}]+/gu;
const wordCharacter = /[\p{L}\p{N}]/u;

/**
 * Forbidden runs of words of one length, by rolling hash: an open-addressing table over typed arrays. A
 * program's forbidden text makes hundreds of thousands of runs; one object and one boxed key each (hashes
 * above 2^30 are not small integers) made building the tables most of the scan's time. Runs whose hashes
 * collide are all kept (at that many runs a 32-bit hash collides a few dozen times), so a collision can
 * never hide a leak.
 */
class RunTable {
  /** The hash in each slot. */
  private readonly keys: Uint32Array;
  /** What each slot holds: 0 empty, -1 a run since allowed, n > 0 run n - 1. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Runs still forbidden. */
  size = 0;

  /** A table for at most `capacity` runs, kept at most half full. */
  constructor(capacity: number) {
    let length = 1024;
    while (length < capacity * 2) length *= 2;
    this.keys = new Uint32Array(length);
    this.slots = new Int32Array(length);
    this.mask = length - 1;
  }

  private home(hash: number): number {
    return (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
  }

  /**
   * The first run under `hash` whose words (in `words`) are the `length` word hashes from `start` in
   * `hashes`, or -1. The scan's inner loop: no closure, so no allocation per window.
   */
  findWords(hash: number, words: Uint32Array, hashes: Uint32Array, start: number, length: number): number {
    for (let slot = this.home(hash); this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot]!;
      if (held <= 0 || this.keys[slot] !== hash) continue;
      const run = held - 1;
      let same = true;
      for (let i = 0; i < length && same; i++) same = words[run + i] === hashes[start + i];
      if (same) return run;
    }
    return -1;
  }

  /** Forbids a run under `hash`, unless a run `same` says is the same words is there already. */
  add(hash: number, run: number, same: (run: number) => boolean): void {
    let slot = this.home(hash);
    for (; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot]!;
      if (held > 0 && this.keys[slot] === hash && same(held - 1)) return;
    }
    this.keys[slot] = hash;
    this.slots[slot] = run + 1;
    this.size++;
  }

  /** Allows again every run under `hash` that `test` accepts. */
  remove(hash: number, test: (run: number) => boolean): void {
    for (let slot = this.home(hash); this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot]!;
      if (held > 0 && this.keys[slot] === hash && test(held - 1)) {
        this.slots[slot] = -1;
        this.size--;
      }
    }
  }
}

export interface Needles {
  /** By run length: the forbidden runs of words. */
  byLength: Map<number, RunTable>;
  /** One-word names shorter than MIN_BINARY_WORD: looked for in text files only. */
  short: RunTable | undefined;
  /**
   * The hashes of the words of every forbidden text, end to end; a run is numbered by where its first word
   * is here. Runs are found by these word hashes; two runs whose hashes agree are compared word by word before
   * one is taken for the other (a word can be made to share another's hash), so an allowed text lifts only the
   * forbidden runs it holds word for word.
   */
  words: Uint32Array;
  /** Where each forbidden text begins in `words`, and where it comes from. */
  starts: number[];
  sources: string[];
  /** By forbidden text, like `sources`: whether a hit may not be quoted (a secret must not reach a build log). */
  hidden: boolean[];
  /** By forbidden text, like `sources`: whether it is looked for in prose only (`Fragment.proseOnly`). */
  proseOnly: boolean[];
}

/** Where the forbidden text holding a run comes from. */
function sourceOf(needles: Needles, run: number): { source: string; hidden: boolean; proseOnly: boolean } {
  const text = textAt(needles.starts, run);
  return { source: needles.sources[text]!, hidden: needles.hidden[text]!, proseOnly: needles.proseOnly[text]! };
}

/** Whether `length` words from `start` in `hashes` are those of the run (rolling hashes can collide). */
function sameWords(needles: Needles, run: number, hashes: Uint32Array, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (needles.words[run + i] !== hashes[start + i]) return false;
  return true;
}

export interface Leak {
  /** Output file, relative to the site folder. */
  file: string;
  /** The forbidden text found. */
  text: string;
  /** Where that text comes from. */
  source: string;
}

/** Characters nobody sees (zero-width, soft hyphen, bidi marks, variation selectors): a browser joins around them. */
const invisible = /\p{Default_Ignorable_Code_Point}/gu;
const nonAscii = /[\u0080-\uffff]/;

/**
 * A text as the scan compares it: Unicode NFKC (full-width letters, ligatures and the like become plain ones)
 * with invisible characters dropped. Plain ASCII, nearly every page, is left as it is without a copy.
 */
export function normalise(text: string): string {
  if (!nonAscii.test(text)) return text;
  return text.replace(invisible, '').normalize('NFKC');
}

/** Lower-case words of a text, normalised, punctuation and markup dropped. */
export function words(text: string): string[] {
  return normalise(text).toLowerCase().match(wordPattern) ?? [];
}

/** A text the scan forbids or allows, and where it comes from. */
export interface Fragment {
  text: string;
  source: string;
  /** A name: looked for as whole words whatever its length, not only as a phrase of several words. */
  name?: boolean;
  /** A secret: a hit names the source but never quotes the text. */
  hidden?: boolean;
  /** Text of a document the trust center holds back: Trustbook's own template text in it is not forbidden. */
  withheld?: boolean;
  /**
   * Looked for only in prose, not in scripts or binary files: a template default (an example.com address) is
   * a placeholder where a reader sees it, and ordinary code in a library (Pagefind resolves URLs against one).
   */
  proseOnly?: boolean;
}

/** How an output file is read: prose a person reads, a script or stylesheet, or the text runs of a binary file. */
export type Reading = 'prose' | 'script' | 'binary';

/**
 * Text of a document, split by field. A forbidden body counts as written (its source holds everything it could
 * render); an allowed body counts only as the text it renders, so nothing in its imports, expressions or
 * markup can allow a forbidden name.
 */
function documentFragments(document: Document<unknown>, fields: readonly string[], allowed: boolean): Fragment[] {
  const data = document.data as Record<string, unknown>;
  const body = allowed ? renderedText(document) : document.body;
  const fragments: Fragment[] = [{ text: body, source: document.file }];
  const names: readonly string[] = nameFields[document.kind] ?? [];
  for (const field of fields) {
    collectStrings(data[field], `${document.file} ${field}`, fragments, names.includes(field));
  }
  return fragments;
}

function collectStrings(value: unknown, source: string, into: Fragment[], name: boolean): void {
  if (typeof value === 'string') into.push(name ? { text: value, source, name } : { text: value, source });
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, source, into, name));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key !== 'collected' && key !== 'period' && key !== 'sha256') collectStrings(item, source, into, name);
    }
  }
}

/** What a body renders, by document: the sites share most allowed documents. */
const rendered = new WeakMap<Document<unknown>, string>();

/**
 * The text a body renders: the text of its syntax tree, with the string values of its elements' attributes
 * (a caption, an alt text), and without its `import`/`export` statements and `{expressions}`. A body that does
 * not parse renders nothing (the check fails it).
 */
export function renderedText(document: Pick<Document<unknown>, 'body' | 'bodyLine' | 'file'>): string {
  const known = rendered.get(document as Document<unknown>);
  if (known !== undefined) return known;
  // Without elements, expressions, imports or exports a body's words are the words it renders (a link's text
  // and address, an image's alt text): most bodies need no parse.
  if (!/[<{]|^\s*(?:import|export)\b/m.test(document.body)) {
    rendered.set(document as Document<unknown>, document.body);
    return document.body;
  }
  const parts: string[] = [];
  const visit = (node: BodyNode): void => {
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return;
      case 'text':
      case 'inlineCode':
      case 'code':
      case 'html':
        parts.push(String(node.value ?? ''));
        break;
    }
    if (node.url) parts.push(` ${node.url} `);
    // An image's alt text and a link's or image's title are shown too.
    for (const shown of [(node as { alt?: unknown }).alt, (node as { title?: unknown }).title]) {
      if (typeof shown === 'string') parts.push(` ${shown} `);
    }
    for (const attribute of node.attributes ?? []) {
      if (typeof attribute.value === 'string') parts.push(` ${attribute.value} `);
    }
    // Blocks are apart; inline nodes run together, as a page shows them.
    const block = node.type !== 'paragraph' && node.type !== 'mdxJsxTextElement' && !inlineNodes.has(node.type);
    for (const child of node.children ?? []) {
      visit(child);
      if (block) parts.push('\n');
    }
  };
  const tree = bodyTree(document.body, document.bodyLine, syntaxOf(document.file));
  if (tree) visit(tree);
  const text = parts.join('');
  rendered.set(document as Document<unknown>, text);
  return text;
}

const inlineNodes = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'heading', 'tableCell']);

/** A field of a kind's documents, by name. */
type FieldOf<K extends DocumentKind> = keyof DataOf<K> & string;

/**
 * Text fields, by document kind, that carry content (not ids, dates or enums). Every kind has an entry, so a new
 * kind does not compile until someone decides what the scan reads of it; a body is read whatever its fields.
 */
export const textFields: { readonly [K in DocumentKind]: readonly FieldOf<K>[] } = {
  policy: ['title', 'summary'],
  control: ['title', 'public_summary', 'justification'],
  procedure: ['title', 'summary'],
  evidence: ['title', 'artifacts'],
  vendor: ['name', 'purpose', 'data', 'locations'],
  risk: ['title'],
  checklist: ['title', 'summary'],
  'trust-page': ['title', 'summary'],
  'trust-document': ['title', 'summary'],
  attestation: ['auditor'],
  answer: ['question', 'answer'],
  nda: ['title'],
  grant: ['name', 'email', 'organization'],
  'system-description': ['title'],
  // The assertion's one text field is its title, which names the kind of document ("Management's assertion")
  // in words the sites use of it anyway; what management asserts is its body.
  assertion: [],
  soa: ['title', 'controls'],
};

/** The fields of each kind that hold a name, looked for whatever their length. */
const nameFields: { readonly [K in DocumentKind]?: readonly FieldOf<K>[] } = {
  vendor: ['name'],
  grant: ['name', 'email', 'organization'],
};

/** What each document shows a site: all of it, a part of it (public projections), or nothing. */
function splitForSite(
  result: CheckResult,
  site: Site,
  extra: ScanExtras,
): { allowed: Fragment[]; forbidden: Fragment[] } {
  const allowed: Fragment[] = [];
  const forbidden: Fragment[] = [];
  const { model } = result;
  // The trust center leaves out what still holds a placeholder: such a document is neither shown nor needed
  // there, and the placeholders themselves (template guidance, example.com defaults) must never appear on it.
  // The employee portal leaves out policies nobody has approved: a draft must not read as a policy in force.
  const withheld =
    site === 'public'
      ? withheldFromTrustCenter(model)
      : site === 'employees'
        ? new Set<Document<unknown>>(model.policies.filter((policy) => !isApproved(policy)))
        : new Set<Document<unknown>>();
  for (const document of allDocuments(model)) {
    const fields = textFields[document.kind];
    // A document withheld from the trust center is forbidden there whole: its title and body, not only its
    // placeholders.
    if (withheld.has(document)) {
      forbidden.push(
        ...documentFragments(document, fields, false).map((fragment) => ({ ...fragment, withheld: true })),
      );
      continue;
    }
    const audience = audienceOf(document, site);
    if (audience === 'none') {
      forbidden.push(...documentFragments(document, fields, false));
      continue;
    }
    if (audience === 'all') {
      allowed.push(...documentFragments(document, fields, true));
      continue;
    }
    const shown = documentFragments(document, fields, true);
    const hidden = documentFragments(document, fields, false);
    for (const [index, fragment] of hidden.entries()) {
      const field = fragment.source.slice(document.file.length + 1);
      if (audience.includes(field)) allowed.push(shown[index]!);
      else forbidden.push(fragment);
    }
  }
  if (site === 'public') {
    const placeholders = programPlaceholders(model);
    for (const [document, found] of placeholders.documents) {
      for (const placeholder of found) {
        const source = `${document.file}:${placeholder.line} (placeholder)`;
        forbidden.push({ text: placeholder.text, source, proseOnly: placeholder.kind === 'default' });
      }
    }
    for (const placeholder of placeholders.program) {
      const source = `${model.program!.file}:${placeholder.line} (placeholder)`;
      forbidden.push({ text: placeholder.text, source, proseOnly: placeholder.kind === 'default' });
    }
  }
  const program = model.program?.data;
  if (program) {
    const unfinished = site === 'public' ? unfinishedProgramFields(model) : new Set<string>();
    const fields = { website: program.website, contact: program.contact };
    for (const text of [
      program.organization,
      program.system,
      program.audit.auditor ?? '',
      ...Object.entries(fields)
        .filter(([field]) => !unfinished.has(field))
        .map(([, text]) => text),
    ]) {
      allowed.push({ text, source: 'content/program.yaml' });
    }
  }
  for (const role of model.people?.data.roles ?? []) allowed.push({ text: role.title, source: 'content/people.yaml' });
  // A public answer links the sections it cites (`policies/encryption/#key-management`): the link's words are
  // the public policy's id and heading, whatever private title they happen to spell.
  for (const answer of model.answers) {
    if (!canSee('public', answer.data.audience)) continue;
    for (const citation of answer.data.cites.policies) {
      allowed.push({ text: citation.replace(/[#/]/g, ' '), source: `${answer.file} cites` });
    }
  }
  if (site !== 'auditors') {
    for (const person of model.people?.data.staff ?? []) {
      if (person.name) forbidden.push({ text: person.name, source: `content/people.yaml ${person.id}`, name: true });
    }
  }
  if (site === 'public') forbidden.push(...(extra.publicForbidden ?? []));
  forbidden.push(...(extra.forbidden ?? []));
  return { allowed, forbidden };
}

/** What the scan is told beside the check result. */
export interface ScanExtras {
  /** More text the trust center must not hold: past titles of documents that are not public today. */
  publicForbidden?: readonly Fragment[];
  /** More text no site may hold: the grant secret and its keys. */
  forbidden?: readonly Fragment[];
  /** One-word names that are ordinary words on this program's sites, added to `commonWords`. */
  allow?: readonly string[];
  /** Trustbook's template texts (`template-texts-fs.ts`): not forbidden in a held-back document. */
  templates?: readonly string[];
}

/** What a site sees of a document: all of it, nothing, or some of its fields. */
type Visibility<K extends DocumentKind> = 'all' | 'none' | readonly FieldOf<K>[];

/** Whatever is public may appear on every site: an employee or an auditor can read the trust center anyway. */
const byAudience = ({ audience = [] }: { audience?: readonly Site[] }, site: Site): 'all' | 'none' =>
  canSee(site, audience) || canSee('public', audience) ? 'all' : 'none';

/**
 * What each kind shows a site, decided for every kind: a new kind does not compile until its audience is
 * decided here.
 */
const audiences: { readonly [K in DocumentKind]: (data: DataOf<K>, site: Site) => Visibility<K> } = {
  policy: byAudience,
  control: (data, site) => {
    if (byAudience(data, site) === 'all') return 'all';
    return data.public_summary && data.status === 'implemented' ? ['title', 'public_summary'] : 'none';
  },
  procedure: byAudience,
  evidence: byAudience,
  vendor: (data, site) => {
    if (site === 'auditors') return 'all';
    return data.public ? ['name', 'purpose', 'data', 'locations'] : 'none';
  },
  risk: byAudience,
  checklist: byAudience,
  'trust-page': () => 'all',
  // Every site lists a trust document by its title, an NDA one too; its file is never on the public site.
  'trust-document': () => 'all',
  attestation: () => 'all',
  answer: byAudience,
  // The agreement itself is what a prospect reads before asking for documents.
  nda: () => 'all',
  // Who was given what is for the auditors; staff see to which organization (the portal names no recipient, nor
  // their email), and the trust center nothing at all.
  grant: (_data, site) => (site === 'auditors' ? 'all' : site === 'employees' ? ['organization'] : 'none'),
  'system-description': byAudience,
  assertion: byAudience,
  // The Statement of Applicability is for the certification auditor: which risks each control treats and why
  // others were left out say where the program is thin.
  soa: (_data, site) => (site === 'auditors' ? 'all' : 'none'),
};

/** 'all', 'none', or the fields a site sees of a document. */
function audienceOf(document: Document<unknown>, site: Site): 'all' | 'none' | readonly string[] {
  const decide = audiences[document.kind] as (data: unknown, site: Site) => 'all' | 'none' | readonly string[];
  return decide(document.data, site);
}

/**
 * The titles and names of the trust history that are forbidden on the trust center: each one it never showed
 * (a page's title while it held a `<Todo>`), and every one of a document it does not show today, or that was
 * deleted while it was not shown. What a document deleted while public was called is nobody's secret.
 */
export function historicalFragments(result: CheckResult, subjects: readonly HistoricalSubject[]): Fragment[] {
  const { model } = result;
  const today = new Map(allDocuments(model).map((document) => [document.file, document] as const));
  const withheld = withheldFromTrustCenter(model);
  const hiddenToday = (subject: HistoricalSubject) => {
    if (subject.current === undefined) return !subject.shownAtEnd;
    const document = today.get(subject.current);
    return document !== undefined && (withheld.has(document) || audienceOf(document, 'public') === 'none');
  };
  // A past title of a document held back today for a placeholder is treated as the document's own text:
  // Trustbook's template text in it is nobody's secret (a fresh program's "Security at <organization>").
  const heldBack = (subject: HistoricalSubject) => {
    const document = subject.current === undefined ? undefined : today.get(subject.current);
    return document !== undefined && withheld.has(document);
  };
  return subjects
    .filter((subject) => !subject.published || hiddenToday(subject))
    .map((subject) => ({
      text: subject.subject,
      source: `the trust history (${subject.current ?? 'a deleted document'})`,
      ...(subject.name ? { name: true } : {}),
      ...(heldBack(subject) ? { withheld: true } : {}),
    }));
}

/** True when nothing is forbidden to the site, so there is nothing to scan for. */
export function isEmpty(needles: Needles): boolean {
  return [...needles.byLength.values()].every((table) => table.size === 0) && (needles.short?.size ?? 0) === 0;
}

const BASE = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Where `hashWords` collects a text's word hashes before copying out as many as it found: one buffer, grown. */
let scratch = new Uint32Array(1 << 16);

/**
 * The words of a normalised text (`normalise`), exactly as `words` cuts them, each as a 32-bit hash (FNV-1a of
 * its lower-case form) so runs can be compared with a rolling hash. No string is made for a word of plain
 * ASCII, which is nearly every word: the pages and the forbidden texts of a program are millions of words.
 * `bounds`, when given, receives where each word starts and ends in the text.
 */
export function hashWords(text: string, bounds?: number[]): Uint32Array {
  // Plain ASCII makes at most one word in two characters; a letter that lower-cases into a letter and a mark (a
  // run of `İ`) makes one a character, so the buffer also grows when full rather than drop a word unseen.
  const most = (text.length >> 1) + 1;
  if (scratch.length < most) scratch = new Uint32Array(Math.max(most, scratch.length * 2));
  let hashes = scratch;
  let count = 0;
  const grow = () => {
    scratch = new Uint32Array(hashes.length * 2);
    scratch.set(hashes);
    hashes = scratch;
  };
  let hash = FNV_OFFSET;
  let start = -1;
  let ascii = true;
  const endWord = (end: number) => {
    if (ascii) {
      if (count === hashes.length) grow();
      hashes[count++] = hash >>> 0;
      bounds?.push(start, end);
    } else {
      // Lower-cased as a whole, as `words` does it: some letters lower-case by their neighbours (a final
      // sigma), and some into a letter and a mark, which ends the word.
      const lower = text.slice(start, end).toLowerCase();
      const sameLength = lower.length === end - start;
      for (const piece of lower.matchAll(wordPattern)) {
        if (count === hashes.length) grow();
        hashes[count++] = fnv(piece[0]);
        if (sameLength) bounds?.push(start + piece.index, start + piece.index + piece[0].length);
        else bounds?.push(start, end);
      }
    }
    start = -1;
    ascii = true;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 65 && code <= 90) code += 32;
      else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) {
        if (start >= 0) endWord(i);
        continue;
      }
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
      continue;
    }
    const character = String.fromCodePoint(text.codePointAt(i)!);
    if (wordCharacter.test(character)) {
      if (start < 0) start = i;
      ascii = false;
    } else if (start >= 0) endWord(i);
    i += character.length - 1;
  }
  if (start >= 0) endWord(text.length);
  return hashes.slice(0, count);
}

/**
 * The words of a text as `hashWords` cuts them, as strings, in the same order: to tell apart two runs whose
 * hashes agree. A word whose lower-case form is longer than it (`İ`) stands whole for each of its pieces.
 */
function wordStrings(text: string): string[] {
  const normal = normalise(text);
  const bounds: number[] = [];
  hashWords(normal, bounds);
  const found: string[] = [];
  for (let i = 0; i < bounds.length; i += 2) found.push(normal.slice(bounds[i], bounds[i + 1]).toLowerCase());
  return found;
}

/** Which forbidden text holds the run starting at `run`, by where each begins (`starts`, ascending). */
function textAt(starts: readonly number[], run: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= run) low = middle;
    else high = middle - 1;
  }
  return low;
}

function fnv(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** Calls `visit` with the start and rolling hash of every run of `length` words. */
function eachWindow(hashes: Uint32Array, length: number, visit: (start: number, hash: number) => void): void {
  if (hashes.length < length) return;
  let top = 1;
  for (let i = 1; i < length; i++) top = Math.imul(top, BASE);
  let hash = 0;
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, BASE) + hashes[i]!) >>> 0;
  visit(0, hash);
  for (let start = 1; start + length <= hashes.length; start++) {
    hash = (Math.imul((hash - Math.imul(hashes[start - 1]!, top)) >>> 0, BASE) + hashes[start + length - 1]!) >>> 0;
    visit(start, hash);
  }
}

/**
 * The first window of `length` words of `hashes`, from word `from` on, that is a run of the table: eachWindow,
 * unrolled for speed.
 */
function firstRun(
  table: RunTable,
  words: Uint32Array,
  hashes: Uint32Array,
  length: number,
  from = 0,
): { start: number; run: number } | undefined {
  if (hashes.length < from + length) return undefined;
  let top = 1;
  for (let i = 1; i < length; i++) top = Math.imul(top, BASE);
  let hash = 0;
  for (let i = from; i < from + length; i++) hash = (Math.imul(hash, BASE) + hashes[i]!) >>> 0;
  for (let start = from; ; start++) {
    const run = table.findWords(hash, words, hashes, start, length);
    if (run >= 0) return { start, run };
    if (start + length >= hashes.length) return undefined;
    hash = (Math.imul((hash - Math.imul(hashes[start]!, top)) >>> 0, BASE) + hashes[start + length]!) >>> 0;
  }
}

/** The word hashes of each text, kept per check result: the three sites share most texts. */
const hashCache = new WeakMap<CheckResult, Map<string, Uint32Array>>();

function hashesOf(cache: Map<string, Uint32Array>, text: string): Uint32Array {
  let hashes = cache.get(text);
  if (!hashes) cache.set(text, (hashes = hashWords(normalise(text))));
  return hashes;
}

/**
 * The run length a text is cut into, or 0 when it is too short to be told apart from ordinary words. A name
 * is a needle whatever its length: one word, two short ones.
 */
function runLength(count: number, fragment: Fragment): number {
  if (count >= SHINGLE) return SHINGLE;
  if (fragment.name) return count;
  const isPhrase = count >= MIN_PHRASE_WORDS || (count >= 2 && fragment.text.length >= 10);
  return isPhrase ? count : 0;
}

/** The key of the table for one-word names too short to look for in binary files. */
const SHORT = -1;

/** Everything a site must not contain, less anything it may contain anyway. */
export function needlesFor(result: CheckResult, site: Site, extra: ScanExtras = {}): Needles {
  const { allowed, forbidden } = splitForSite(result, site, extra);
  let cache = hashCache.get(result);
  if (!cache) hashCache.set(result, (cache = new Map()));
  const ordinary = extra.allow?.length ? new Set([...commonWords, ...extra.allow.flatMap(words)]) : commonWords;
  // Cut every forbidden text first and count its words and runs, so each table is made once at its size.
  const cut: { hashes: Uint32Array; length: number; key: number; fragment: Fragment }[] = [];
  const runsOfLength = new Map<number, number>();
  let total = 0;
  // Held-back documents' texts come last, so their runs are told apart by number (see the templates below).
  const ordered = [...forbidden.filter((fragment) => !fragment.withheld), ...forbidden.filter((f) => f.withheld)];
  for (const fragment of ordered) {
    const hashes = hashesOf(cache, fragment.text);
    const length = runLength(hashes.length, fragment);
    if (length === 0) continue;
    let key = length;
    if (length === 1) {
      // A one-word name that is an ordinary word would be found on every page: it is not looked for.
      const [word = ''] = words(fragment.text);
      if (ordinary.has(word)) continue;
      if (word.length < MIN_BINARY_WORD) key = SHORT;
    }
    cut.push({ hashes, length, key, fragment });
    runsOfLength.set(key, (runsOfLength.get(key) ?? 0) + hashes.length - length + 1);
    total += hashes.length;
  }
  const tables = new Map<number, RunTable>();
  for (const [key, count] of runsOfLength) tables.set(key, new RunTable(count));
  const short = tables.get(SHORT);
  tables.delete(SHORT);
  const needles: Needles = {
    byLength: tables,
    short,
    words: new Uint32Array(total),
    starts: [],
    sources: [],
    hidden: [],
    proseOnly: [],
  };
  // Two runs whose word hashes agree are also compared word by word before one stands for the other: a word can
  // be made to share another's 32-bit hash, and an allowed text must never lift a forbidden run it only hashes
  // like. Only texts with such a match are cut into words, once each.
  const wordsOfText = new Map<string, string[]>();
  const textWords = (text: string): string[] => {
    let found = wordsOfText.get(text);
    if (!found) wordsOfText.set(text, (found = wordStrings(text)));
    return found;
  };
  const sameText = (run: number, mine: string, start: number, length: number): boolean => {
    const index = textAt(needles.starts, run);
    const theirs = textWords(cut[index]!.fragment.text);
    const ours = textWords(mine);
    const at = run - needles.starts[index]!;
    for (let i = 0; i < length; i++) if (theirs[at + i] !== ours[start + i]) return false;
    return true;
  };
  let first = 0;
  /** The first word of the held-back documents' texts in `needles.words`. */
  let heldBack = Infinity;
  for (const { hashes, length, key, fragment } of cut) {
    if (fragment.withheld && heldBack === Infinity) heldBack = first;
    const table = key === SHORT ? short! : tables.get(key)!;
    const base = first;
    needles.words.set(hashes, base);
    needles.starts.push(base);
    needles.sources.push(fragment.source);
    needles.hidden.push(fragment.hidden === true);
    needles.proseOnly.push(fragment.proseOnly === true);
    first += hashes.length;
    eachWindow(hashes, length, (start, hash) =>
      table.add(
        hash,
        base + start,
        (run) => sameWords(needles, run, hashes, start, length) && sameText(run, fragment.text, start, length),
      ),
    );
  }
  if (cut.length === 0) return needles;
  const all = [...tables, ...(short ? ([[1, short]] as const) : [])];
  for (const fragment of allowed) {
    const hashes = hashesOf(cache, fragment.text);
    for (const [length, table] of all) {
      eachWindow(hashes, length, (start, hash) => {
        table.remove(
          hash,
          (run) => sameWords(needles, run, hashes, start, length) && sameText(run, fragment.text, start, length),
        );
      });
    }
  }
  if (heldBack === Infinity) return needles;
  for (const text of extra.templates ?? []) {
    const hashes = hashesOf(cache, text);
    for (const [length, table] of all) {
      eachWindow(hashes, length, (start, hash) => {
        table.remove(
          hash,
          (run) =>
            run >= heldBack && sameWords(needles, run, hashes, start, length) && sameText(run, text, start, length),
        );
      });
    }
  }
  return needles;
}

/**
 * The first forbidden sequence of words in an output text, if any. In the text runs of a binary file, short
 * one-word names are not looked for; in a script or a binary file, texts meant for prose only are not.
 */
export function findLeak(
  raw: string,
  needles: Needles,
  reading: Reading = 'prose',
): { text: string; source: string } | undefined {
  const tables = [
    ...needles.byLength,
    ...(needles.short && reading !== 'binary' ? ([[1, needles.short]] as const) : []),
  ];
  if (tables.length === 0) return undefined;
  const text = normalise(raw);
  const hashes = hashWords(text);
  for (const [length, table] of tables) {
    for (let from = 0; ;) {
      const found = firstRun(table, needles.words, hashes, length, from);
      if (!found) break;
      const { source, hidden, proseOnly } = sourceOf(needles, found.run);
      if (proseOnly && reading !== 'prose') {
        from = found.start + 1;
        continue;
      }
      // Found: cut the text again, this time keeping where each word is, to quote the words.
      const bounds: number[] = [];
      hashWords(text, bounds);
      const quoted = [];
      for (let word = found.start; word < found.start + length; word++) {
        quoted.push(text.slice(bounds[2 * word], bounds[2 * word + 1]).toLowerCase());
      }
      return { text: hidden ? '(a secret, not quoted)' : quoted.join(' '), source };
    }
  }
  return undefined;
}

/**
 * Elements a browser renders inside a line of text: their text runs on from the text around them, so
 * `Ada<b>Lovelace</b>` reads as one word. Every other element is a boundary.
 */
const inlineElements = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/**
 * The text a person or a crawler reads in an HTML or XML file, read by a real HTML parser (htmlparser2): the
 * element text as a browser joins it, every named entity decoded, and then, each apart, every attribute value
 * (alt, title, aria-label, content, data-*...) and every comment. In XML (a feed, an SVG), text that is itself
 * markup (an Atom `type="html"` title, a CDATA section) is read again as HTML.
 */
export function readableText(markup: string, xml = false): string {
  const text: string[] = [];
  const apart: string[] = [];
  /** In XML: the text of each element, to read again when it is markup. */
  const segments: string[] = [];
  let segment = '';
  const boundary = (name: string) => {
    if (xml) {
      if (segment.includes('<')) segments.push(segment);
      segment = '';
    }
    if (xml || !inlineElements.has(name)) text.push('\n');
  };
  const parser = new Parser(
    {
      ontext: (data) => {
        text.push(data);
        if (xml) segment += data;
      },
      onopentag: (name, attributes) => {
        boundary(name);
        for (const value of Object.values(attributes)) if (value) apart.push(value);
      },
      onclosetag: boundary,
      oncomment: (data) => void apart.push(data),
    },
    { xmlMode: xml, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(markup);
  parser.end();
  boundary('');
  return [text.join(''), ...apart, ...segments.map((markup) => readableText(markup))].join('\n');
}

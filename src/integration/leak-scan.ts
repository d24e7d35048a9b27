/**
 * The leak scan: proves after every build that no site contains text from a document its audience may not
 * see. Forbidden text is cut into 8-word shingles (long text) and whole phrases (short text such as names,
 * notes and URLs); text that a site may legitimately show is subtracted first, so shared boilerplate never
 * counts as a leak.
 */
import type { CheckResult } from '../engine/index.ts';
import { allDocuments, type Document } from '../engine/model.ts';
import { programPlaceholders, unfinishedProgramFields, withheldFromTrustCenter } from '../engine/placeholders.ts';
import type { Site } from '../site/sites.ts';
import { canSee } from '../site/sites.ts';

const SHINGLE = 8;
const MIN_PHRASE_WORDS = 3;
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

  /** The first run under `hash` that `test` accepts, or -1. */
  find(hash: number, test: (run: number) => boolean): number {
    for (let slot = this.home(hash); this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const held = this.slots[slot]!;
      if (held > 0 && this.keys[slot] === hash && test(held - 1)) return held - 1;
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
  /**
   * The hashes of the words of every forbidden text, end to end; a run is numbered by where its first word
   * is here. Runs are told apart by these word hashes, not by their words: two runs would count as the same
   * only if each word of one had the same 32-bit hash as the word in its place in the other, which the
   * words of a program do not do by chance.
   */
  words: Uint32Array;
  /** Where each forbidden text begins in `words`, and where it comes from. */
  starts: number[];
  sources: string[];
}

/** Where the forbidden text holding a run comes from. */
function sourceOf(needles: Needles, run: number): string {
  const { starts } = needles;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= run) low = middle;
    else high = middle - 1;
  }
  return needles.sources[low]!;
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

/** Lower-case words of a text, punctuation and markup dropped. */
export function words(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

interface Fragment {
  text: string;
  source: string;
}

/** Text of a document a site may not see, and text of a site's allowed documents, split by the same cut. */
function documentFragments(document: Document<unknown>, fields: readonly string[]): Fragment[] {
  const data = document.data as Record<string, unknown>;
  const fragments: Fragment[] = [{ text: document.body, source: document.file }];
  for (const field of fields) collectStrings(data[field], `${document.file} ${field}`, fragments);
  return fragments;
}

function collectStrings(value: unknown, source: string, into: Fragment[]): void {
  if (typeof value === 'string') into.push({ text: value, source });
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, source, into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key !== 'collected' && key !== 'period' && key !== 'sha256') collectStrings(item, source, into);
    }
  }
}

/** Text fields, by document kind, that carry content (not ids, dates or enums). */
const textFields: Record<string, readonly string[]> = {
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
};

/** What each document shows a site: all of it, a part of it (public projections), or nothing. */
function splitForSite(result: CheckResult, site: Site): { allowed: Fragment[]; forbidden: Fragment[] } {
  const allowed: Fragment[] = [];
  const forbidden: Fragment[] = [];
  const { model } = result;
  // The trust center leaves out what still holds a placeholder: such a document is neither shown nor needed
  // there, and the placeholders themselves (template guidance, example.com defaults) must never appear on it.
  const withheld = site === 'public' ? withheldFromTrustCenter(model) : new Set<Document<unknown>>();
  for (const document of allDocuments(model)) {
    if (withheld.has(document)) continue;
    const fields = textFields[document.kind] ?? [];
    const fragments = documentFragments(document, fields);
    const audience = audienceOf(document, site);
    if (audience === 'all') allowed.push(...fragments);
    else if (audience === 'none') forbidden.push(...fragments);
    else {
      for (const fragment of fragments) {
        const field = fragment.source.slice(document.file.length + 1);
        (audience.includes(field) ? allowed : forbidden).push(fragment);
      }
    }
  }
  if (site === 'public') {
    const placeholders = programPlaceholders(model);
    for (const [document, found] of placeholders.documents) {
      for (const placeholder of found)
        forbidden.push({ text: placeholder.text, source: `${document.file}:${placeholder.line} (placeholder)` });
    }
    for (const placeholder of placeholders.program) {
      forbidden.push({ text: placeholder.text, source: `${model.program!.file}:${placeholder.line} (placeholder)` });
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
      if (person.name) forbidden.push({ text: person.name, source: `content/people.yaml ${person.id}` });
    }
  }
  return { allowed, forbidden };
}

/**
 * 'all', 'none', or the fields a site sees of a document. Whatever is public may appear on every site: an
 * employee or an auditor can read the trust center anyway.
 */
function audienceOf(document: Document<unknown>, site: Site): 'all' | 'none' | string[] {
  const data = document.data as { audience?: Site[]; public?: boolean; public_summary?: string; status?: string };
  const audience = data.audience ?? [];
  switch (document.kind) {
    case 'trust-page':
    case 'attestation':
      return 'all';
    case 'nda':
      // The agreement itself is what a prospect reads before asking for documents.
      return 'all';
    case 'grant':
      // Who was given what is for staff and auditors; the trust center never names a recipient.
      return site === 'public' ? 'none' : 'all';
    case 'trust-document':
      // Every site lists a trust document by its title, an NDA one too; its file is never on the public site.
      return 'all';
    case 'vendor':
      if (site === 'auditors') return 'all';
      return data.public ? ['name', 'purpose', 'data', 'locations'] : 'none';
    case 'control':
      if (canSee(site, audience) || canSee('public', audience)) return 'all';
      return data.public_summary && data.status === 'implemented' ? ['title', 'public_summary'] : 'none';
    default:
      return canSee(site, audience) || canSee('public', audience) ? 'all' : 'none';
  }
}

/** True when nothing is forbidden to the site, so there is nothing to scan for. */
export function isEmpty(needles: Needles): boolean {
  return [...needles.byLength.values()].every((table) => table.size === 0);
}

const BASE = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The words of a text, exactly as `words` cuts them, each as a 32-bit hash (FNV-1a of its lower-case form) so
 * runs can be compared with a rolling hash. No string is made for a word of plain ASCII, which is nearly every
 * word: the pages and the forbidden texts of a program are millions of words. `bounds`, when given, receives
 * where each word starts and ends in the text.
 */
export function hashWords(text: string, bounds?: number[]): Uint32Array {
  const hashes = new Uint32Array((text.length >> 1) + 1);
  let count = 0;
  let hash = FNV_OFFSET;
  let start = -1;
  let ascii = true;
  const endWord = (end: number) => {
    if (ascii) {
      hashes[count++] = hash >>> 0;
      bounds?.push(start, end);
    } else {
      // Lower-cased as a whole, as `words` does it: some letters lower-case by their neighbours (a final
      // sigma), and some into a letter and a mark, which ends the word.
      const lower = text.slice(start, end).toLowerCase();
      const sameLength = lower.length === end - start;
      for (const piece of lower.matchAll(wordPattern)) {
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

function fnv(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** Calls `visit` with the start and rolling hash of every run of `length` words. */
function eachWindow(hashes: Uint32Array, length: number, visit: (start: number, hash: number) => boolean | void): void {
  if (hashes.length < length) return;
  let top = 1;
  for (let i = 1; i < length; i++) top = Math.imul(top, BASE);
  let hash = 0;
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, BASE) + hashes[i]!) >>> 0;
  if (visit(0, hash) === true) return;
  for (let start = 1; start + length <= hashes.length; start++) {
    hash = (Math.imul((hash - Math.imul(hashes[start - 1]!, top)) >>> 0, BASE) + hashes[start + length - 1]!) >>> 0;
    if (visit(start, hash) === true) return;
  }
}

/** The word hashes of each text, kept per check result: the three sites share most texts. */
const hashCache = new WeakMap<CheckResult, Map<string, Uint32Array>>();

function hashesOf(cache: Map<string, Uint32Array>, text: string): Uint32Array {
  let hashes = cache.get(text);
  if (!hashes) cache.set(text, (hashes = hashWords(text)));
  return hashes;
}

/** The run length a text is cut into, or 0 when it is too short to be told apart from ordinary words. */
function runLength(count: number, text: string): number {
  if (count >= SHINGLE) return SHINGLE;
  const isPhrase = count >= MIN_PHRASE_WORDS || (count >= 2 && text.length >= 10);
  return isPhrase ? count : 0;
}

/** Everything a site must not contain, less anything it may contain anyway. */
export function needlesFor(result: CheckResult, site: Site): Needles {
  const { allowed, forbidden } = splitForSite(result, site);
  let cache = hashCache.get(result);
  if (!cache) hashCache.set(result, (cache = new Map()));
  // Cut every forbidden text first and count its words and runs, so each table is made once at its size.
  const cut: { hashes: Uint32Array; length: number; source: string }[] = [];
  const runsOfLength = new Map<number, number>();
  let total = 0;
  for (const fragment of forbidden) {
    const hashes = hashesOf(cache, fragment.text);
    const length = runLength(hashes.length, fragment.text);
    if (length === 0) continue;
    cut.push({ hashes, length, source: fragment.source });
    runsOfLength.set(length, (runsOfLength.get(length) ?? 0) + hashes.length - length + 1);
    total += hashes.length;
  }
  const needles: Needles = { byLength: new Map(), words: new Uint32Array(total), starts: [], sources: [] };
  for (const [length, count] of runsOfLength) needles.byLength.set(length, new RunTable(count));
  let first = 0;
  for (const { hashes, length, source } of cut) {
    const table = needles.byLength.get(length)!;
    const base = first;
    needles.words.set(hashes, base);
    needles.starts.push(base);
    needles.sources.push(source);
    first += hashes.length;
    eachWindow(hashes, length, (start, hash) =>
      table.add(hash, base + start, (run) => sameWords(needles, run, hashes, start, length)),
    );
  }
  if (needles.byLength.size === 0) return needles;
  for (const fragment of allowed) {
    const hashes = hashesOf(cache, fragment.text);
    for (const [length, table] of needles.byLength) {
      eachWindow(hashes, length, (start, hash) => {
        table.remove(hash, (run) => sameWords(needles, run, hashes, start, length));
      });
    }
  }
  return needles;
}

/** The first forbidden sequence of words in an output text, if any. */
export function findLeak(text: string, needles: Needles): { text: string; source: string } | undefined {
  if (needles.byLength.size === 0) return undefined;
  const hashes = hashWords(text);
  for (const [length, table] of needles.byLength) {
    let found: { start: number; run: number } | undefined;
    eachWindow(hashes, length, (start, hash) => {
      const run = table.find(hash, (candidate) => sameWords(needles, candidate, hashes, start, length));
      if (run < 0) return false;
      found = { start, run };
      return true;
    });
    if (found) {
      // Found: cut the text again, this time keeping where each word is, to quote the words.
      const bounds: number[] = [];
      hashWords(text, bounds);
      const quoted = [];
      for (let word = found.start; word < found.start + length; word++) {
        quoted.push(text.slice(bounds[2 * word], bounds[2 * word + 1]).toLowerCase());
      }
      return { text: quoted.join(' '), source: sourceOf(needles, found.run) };
    }
  }
  return undefined;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text a person or a crawler reads in an HTML or XML file: element text and attribute values. */
export function readableText(markup: string): string {
  const decode = (text: string) =>
    text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
      if (entity[0] === '#') {
        const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : match;
      }
      return entities[entity.toLowerCase()] ?? match;
    });
  const attributes = [...markup.matchAll(/\s[\w:-]+\s*=\s*("([^"]*)"|'([^']*)')/g)].map((m) => m[2] ?? m[3] ?? '');
  // A CDATA section (an Atom feed's HTML title or summary) is text a reader sees, not a tag: read it as markup,
  // and as written besides.
  const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  const sections = [...markup.matchAll(cdata)].map((m) => m[1] ?? '');
  const body = markup
    .replace(cdata, ' $1 ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  return `${decode(body)}\n${attributes.map(decode).join('\n')}\n${sections.join('\n')}`;
}

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

/** A forbidden run of words: where it starts in its fragment's words, and where the fragment comes from. */
interface Needle {
  words: readonly string[];
  start: number;
  source: string;
}

/** Whether `length` words of `list` from `start` are the needle's words (hashes can collide). */
function sameWords(needle: Needle, list: readonly string[], start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (needle.words[needle.start + i] !== list[start + i]) return false;
  return true;
}

export interface Needles {
  /** By sequence length: rolling hash of the words -> the words and where they come from. */
  byLength: Map<number, Map<number, Needle>>;
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
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
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

/** A 32-bit hash of each word (FNV-1a), so sequences can be compared with a rolling hash. */
function hashWords(list: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(list.length);
  list.forEach((word, index) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
    hashes[index] = hash >>> 0;
  });
  return hashes;
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

interface Tokens {
  list: string[];
  hashes: Uint32Array;
}

/** Words and their hashes of each text, kept per check result: the three sites share most texts. */
const tokenCache = new WeakMap<CheckResult, Map<string, Tokens>>();

function tokensOf(cache: Map<string, Tokens>, text: string): Tokens {
  let tokens = cache.get(text);
  if (!tokens) {
    const list = words(text);
    cache.set(text, (tokens = { list, hashes: hashWords(list) }));
  }
  return tokens;
}

function addFragment(needles: Needles, fragment: Fragment, cache: Map<string, Tokens>): void {
  const { list, hashes } = tokensOf(cache, fragment.text);
  const length = list.length >= SHINGLE ? SHINGLE : list.length;
  const isPhrase = list.length >= MIN_PHRASE_WORDS || (list.length >= 2 && fragment.text.length >= 10);
  if (length < SHINGLE && !isPhrase) return;
  const table = needles.byLength.get(length) ?? new Map<number, Needle>();
  needles.byLength.set(length, table);
  eachWindow(hashes, length, (start, hash) => {
    table.set(hash, { words: list, start, source: fragment.source });
  });
}

/** Everything a site must not contain, less anything it may contain anyway. */
export function needlesFor(result: CheckResult, site: Site): Needles {
  const { allowed, forbidden } = splitForSite(result, site);
  const needles: Needles = { byLength: new Map() };
  let cache = tokenCache.get(result);
  if (!cache) tokenCache.set(result, (cache = new Map()));
  for (const fragment of forbidden) addFragment(needles, fragment, cache);
  if (needles.byLength.size === 0) return needles;
  for (const fragment of allowed) {
    const { list, hashes } = tokensOf(cache, fragment.text);
    for (const [length, table] of needles.byLength) {
      eachWindow(hashes, length, (start, hash) => {
        const needle = table.get(hash);
        if (needle && sameWords(needle, list, start, length)) table.delete(hash);
      });
    }
  }
  return needles;
}

/** The first forbidden sequence of words in an output text, if any. */
export function findLeak(text: string, needles: Needles): { text: string; source: string } | undefined {
  if (needles.byLength.size === 0) return undefined;
  const list = words(text);
  const hashes = hashWords(list);
  let found: { text: string; source: string } | undefined;
  for (const [length, table] of needles.byLength) {
    eachWindow(hashes, length, (start, hash) => {
      const needle = table.get(hash);
      if (!needle || !sameWords(needle, list, start, length)) return false;
      found = { text: list.slice(start, start + length).join(' '), source: needle.source };
      return true;
    });
    if (found) return found;
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

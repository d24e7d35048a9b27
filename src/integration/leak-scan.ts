/**
 * The leak scan: proves after every build that no site contains text from a document its audience may not
 * see. Forbidden text is cut into 8-word shingles (long text) and whole phrases (short text such as names,
 * notes and URLs); text that a site may legitimately show is subtracted first, so shared boilerplate never
 * counts as a leak.
 */
import type { CheckResult } from '../engine/index.ts';
import { allDocuments, type Document } from '../engine/model.ts';
import type { Site } from '../site/sites.ts';
import { canSee } from '../site/sites.ts';

const SHINGLE = 8;
const MIN_PHRASE_WORDS = 3;

export interface Needles {
  /** 8-word sequences, words joined by a space. */
  shingles: Map<string, string>;
  /** Shorter phrases by their word count. */
  phrases: Map<number, Map<string, string>>;
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
  'system-description': ['title'],
};

/** What each document shows a site: all of it, a part of it (public projections), or nothing. */
function splitForSite(result: CheckResult, site: Site): { allowed: Fragment[]; forbidden: Fragment[] } {
  const allowed: Fragment[] = [];
  const forbidden: Fragment[] = [];
  const { model } = result;
  for (const document of allDocuments(model)) {
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
  const program = model.program?.data;
  if (program) {
    for (const text of [
      program.organization,
      program.system,
      program.audit.auditor ?? '',
      program.website,
      program.contact,
    ]) {
      allowed.push({ text, source: 'content/program.yaml' });
    }
  }
  for (const role of model.people?.data.roles ?? []) allowed.push({ text: role.title, source: 'content/people.yaml' });
  if (site !== 'auditors') {
    for (const person of model.people?.data.staff ?? []) {
      if (person.name) forbidden.push({ text: person.name, source: `content/people.yaml ${person.id}` });
    }
  }
  return { allowed, forbidden };
}

/** 'all', 'none', or the fields a site sees of a document. */
function audienceOf(document: Document<unknown>, site: Site): 'all' | 'none' | string[] {
  const data = document.data as { audience?: Site[]; public?: boolean; public_summary?: string; status?: string };
  switch (document.kind) {
    case 'trust-page':
      return site === 'public' ? 'all' : 'none';
    case 'vendor':
      if (site === 'auditors') return 'all';
      return site === 'public' && data.public ? ['name', 'purpose', 'data', 'locations'] : 'none';
    case 'control':
      if (canSee(site, data.audience ?? [])) return 'all';
      return site === 'public' && data.public_summary && data.status === 'implemented'
        ? ['title', 'public_summary']
        : 'none';
    default:
      return canSee(site, data.audience ?? []) ? 'all' : 'none';
  }
}

function addFragment(needles: Needles, fragment: Fragment): void {
  const list = words(fragment.text);
  if (list.length >= SHINGLE) {
    for (let i = 0; i + SHINGLE <= list.length; i++) {
      needles.shingles.set(list.slice(i, i + SHINGLE).join(' '), fragment.source);
    }
  } else if (list.length >= MIN_PHRASE_WORDS || (list.length >= 2 && fragment.text.length >= 10)) {
    const byLength = needles.phrases.get(list.length) ?? new Map<string, string>();
    byLength.set(list.join(' '), fragment.source);
    needles.phrases.set(list.length, byLength);
  }
}

/** Everything a site must not contain, less anything it may contain anyway. */
export function needlesFor(result: CheckResult, site: Site): Needles {
  const { allowed, forbidden } = splitForSite(result, site);
  const needles: Needles = { shingles: new Map(), phrases: new Map() };
  for (const fragment of forbidden) addFragment(needles, fragment);
  if (needles.shingles.size === 0 && needles.phrases.size === 0) return needles;
  const allowedWords = allowed.map((fragment) => words(fragment.text));
  for (const list of allowedWords) {
    for (let i = 0; i + SHINGLE <= list.length; i++) needles.shingles.delete(list.slice(i, i + SHINGLE).join(' '));
    for (const [length, phrases] of needles.phrases) {
      for (let i = 0; i + length <= list.length; i++) phrases.delete(list.slice(i, i + length).join(' '));
    }
  }
  return needles;
}

/** Leaks of one output text: the first forbidden sequence found, if any. */
export function findLeak(text: string, needles: Needles): { text: string; source: string } | undefined {
  const list = words(text);
  for (let i = 0; i + SHINGLE <= list.length; i++) {
    const key = list.slice(i, i + SHINGLE).join(' ');
    const source = needles.shingles.get(key);
    if (source) return { text: key, source };
  }
  for (const [length, phrases] of needles.phrases) {
    for (let i = 0; i + length <= list.length; i++) {
      const key = list.slice(i, i + length).join(' ');
      const source = phrases.get(key);
      if (source) return { text: key, source };
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
  const body = markup.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ');
  return `${decode(body)}\n${attributes.map(decode).join('\n')}`;
}

/**
 * What an import produces before anything touches the disk: the documents to write and everything a person
 * still has to decide. The readers (comply, plain Markdown) build a plan; `import-fs.ts` writes it.
 */
import YAML from 'yaml';

/** A document to write, with its path relative to the output folder. */
export interface PlannedFile {
  path: string;
  text: string;
  /** The file it was made from, relative to the source folder. */
  source: string;
  /** The document's kind and id, so an id the program already uses is refused before anything is written. */
  document?: { kind: 'policy' | 'procedure' | 'control'; id: string };
}

/** Why a decision is open, which decides where the report lists it. */
export type DecisionTopic =
  | 'field'
  | 'criterion'
  | 'standard'
  | 'variable'
  | 'evidence'
  | 'system-description'
  | 'procedure-criteria'
  | 'body'
  | 'placeholder'
  | 'skipped';

/** One mapping a person has to decide; the report lists every one. */
export interface Decision {
  topic: DecisionTopic;
  /** The written file it concerns (relative to the output folder), or the source file when nothing was written. */
  file: string;
  /** For a required field left out: its name. The check reports it (TB101) until it is set. */
  field?: string;
  message: string;
}

/** Something the conversion changed that a reader of the new text may want to look at; not a decision. */
export interface Note {
  file: string;
  message: string;
}

export interface ImportPlan {
  /** What was read: "comply" or "markdown", and the folder. */
  layout: 'comply' | 'markdown';
  source: string;
  files: PlannedFile[];
  decisions: Decision[];
  notes: Note[];
}

/** An MDX document: YAML frontmatter (keys in the order given, absent values left out) and a body. */
export function mdxDocument(frontmatter: Record<string, unknown>, body: string): string {
  const present = Object.fromEntries(Object.entries(frontmatter).filter(([, value]) => value !== undefined));
  const yaml = YAML.stringify(present, { lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  return `---\n${yaml}\n---\n\n${body.trim()}\n`;
}

/** A file name from any name: lower case letters, digits and dashes. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** The fields a Trustbook document of each kind needs that no imported source gives (docs/content-model.md). */
export const requiredFields = {
  // `effective` defaults to `approved`: only a policy that took effect on another day needs it.
  policy: ['version', 'owner', 'approved_by', 'approved'],
  procedure: ['owner', 'frequency'],
  control: ['criteria', 'owner', 'frequency'],
  'system-description': ['owner', 'reviewed'],
} as const;

/** Why each required field is left for a person, in the report's words. */
export const fieldReasons: Record<string, string> = {
  version: 'the version of this text',
  owner: 'a role or staff id from content/people.yaml who maintains it',
  approved_by: 'who approved this version; an approval is never taken from a revision date or a commit',
  approved: 'the day this version was approved; left out, never guessed',
  effective: 'the day this version took effect',
  frequency: 'how often it runs: continuous, daily, weekly, monthly, quarterly, semiannual, annual or per-event',
  criteria: 'the Trust Services Criteria it addresses (none of the source’s ids exists)',
  reviewed: 'the day it was last reviewed',
};

/** A decision for each required field the written frontmatter lacks. */
export function missingFields(
  file: string,
  required: readonly string[],
  frontmatter: Record<string, unknown>,
  decisions: Decision[],
): void {
  for (const field of required) {
    if (frontmatter[field] !== undefined) continue;
    decisions.push({ topic: 'field', file, field, message: `\`${field}\`: ${fieldReasons[field] ?? 'required'}` });
  }
}

/** A title from a file name: `data-retention` reads "Data retention". */
export function humanise(stem: string): string {
  const words = stem.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

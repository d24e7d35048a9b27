/**
 * Which documents of a program came from which template, so that an upgrade can say which templates changed
 * since. `init` writes the record (`.trustbook-templates.json`, committed with the program); `trustbook templates
 * diff` compares each template as the installed package ships it with the one the document was written from.
 * The texts as written are kept beside the record (`.trustbook-templates/`), so an upgrade can tell Trustbook's
 * change from the company's own edits and carry the first into a document without undoing the second (the
 * same three-way merge a partner workspace's `sync` uses). Nothing here touches the disk.
 */
import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import { mergeDocument } from '../workspace/merge-document.ts';
import { fillPlaceholders, type Placeholders } from './render.ts';

export const TEMPLATE_RECORD = '.trustbook-templates.json';

/** Where a document came from: the template and the values its placeholders were filled with. */
export interface TemplateOrigin {
  template: string;
  values: Placeholders;
}

export interface RecordedDocument extends TemplateOrigin {
  /** SHA-256 of the template as it was when the document was written. */
  template_sha256: string;
  /** SHA-256 of the document as written, to tell whether it has been edited since. */
  written_sha256: string;
  /** The Trustbook version whose template the document was last written from, when not the record's. */
  version?: string;
}

export interface TemplateRecord {
  /** The Trustbook version that wrote the documents. */
  version: string;
  documents: Record<string, RecordedDocument>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function templateRecord(
  version: string,
  origins: ReadonlyMap<string, TemplateOrigin>,
  files: ReadonlyMap<string, string>,
  readTemplate: (path: string) => string,
): TemplateRecord {
  const documents: Record<string, RecordedDocument> = {};
  for (const [path, origin] of [...origins].sort(([a], [b]) => a.localeCompare(b))) {
    documents[path] = {
      ...origin,
      template_sha256: sha256(readTemplate(origin.template)),
      written_sha256: sha256(files.get(path) ?? ''),
    };
  }
  return { version, documents };
}

export interface TemplateChange {
  path: string;
  template: string;
  /** Whether the program's document differs from what was written: edited, as written, or deleted. */
  document: 'edited' | 'as written' | 'deleted';
  /** A unified diff from the program's document to the new template filled with the same values. */
  patch: string;
  /**
   * The three-way view, when the document as it was written is known (kept beside the record, or found in git
   * history): Trustbook's change alone (the template then, filled, to the template now, filled), the company's
   * own edits alone (as written to the document now), and what `templates apply` would do.
   */
  threeWay?: ThreeWay;
}

export interface ThreeWay {
  /** The template then → the template now, both filled with the program's values. */
  trustbookChange: string;
  /** The document as written → the document now; empty when it was not edited. */
  ownEdits: string;
  /** The new template filled with the program's values: what the document is written from after an apply. */
  proposed: string;
  /** The document with Trustbook's change carried in, or `undefined` when a section conflicts. */
  merged: string | undefined;
  /** Frontmatter fields and body sections both changed, differently: left to a person. */
  conflicts: string[];
}

/** Where the texts of documents as `init` (or `templates apply`) wrote them are kept, by program path. */
export const TEMPLATE_BASE = '.trustbook-templates';
export const basePath = (path: string) => `${TEMPLATE_BASE}/${path}`;

/** Whether `text` is the document as the record says it was written. */
export const isWrittenText = (recorded: RecordedDocument, text: string) => sha256(text) === recorded.written_sha256;

/**
 * The documents whose template has changed since they were written, in path order. A template the package no
 * longer ships is reported with an empty patch. `readBase` gives the document as it was written, if known.
 */
export function templateChanges(
  record: TemplateRecord,
  readTemplate: (path: string) => string | undefined,
  readDocument: (path: string) => string | undefined,
  version: string,
  readBase: (path: string, recorded: RecordedDocument) => string | undefined = () => undefined,
): TemplateChange[] {
  const changes: TemplateChange[] = [];
  for (const [path, recorded] of Object.entries(record.documents)) {
    const template = readTemplate(recorded.template);
    if (template !== undefined && sha256(template) === recorded.template_sha256) continue;
    const current = readDocument(path);
    const document = current === undefined ? 'deleted' : isWrittenText(recorded, current) ? 'as written' : 'edited';
    const proposed =
      template === undefined ? undefined : fillPlaceholders(template, recorded.values, recorded.template);
    const then = `template ${recorded.template} in trustbook ${recorded.version ?? record.version}`;
    const now = `template ${recorded.template} in trustbook ${version}`;
    const patch =
      proposed === undefined
        ? ''
        : createTwoFilesPatch(`a/${path}`, `b/${path}`, current ?? '', proposed, 'the program', now);
    const change: TemplateChange = { path, template: recorded.template, document, patch };
    const base = readBase(path, recorded);
    if (base !== undefined && proposed !== undefined && current !== undefined && isWrittenText(recorded, base)) {
      const merge = mergeDocument({ base, library: proposed, client: current });
      change.threeWay = {
        trustbookChange: createTwoFilesPatch(`a/${path}`, `b/${path}`, base, proposed, then, now),
        ownEdits:
          document === 'edited'
            ? createTwoFilesPatch(`a/${path}`, `b/${path}`, base, current, 'as written', 'the program')
            : '',
        proposed,
        merged: merge.conflicts.length === 0 ? merge.text : undefined,
        conflicts: merge.conflicts.map((conflict) =>
          conflict.kind === 'field' ? `field ${conflict.name}` : `section ${conflict.name}`,
        ),
      };
    }
    changes.push(change);
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The record after `templates apply` took the new template into `path`: the document is now written from the
 * template as the installed package ships it, and `proposed` is its text as written (the next upgrade's base).
 */
export function recordApplied(
  record: TemplateRecord,
  path: string,
  template: string,
  proposed: string,
  version: string,
): TemplateRecord {
  const recorded = record.documents[path];
  if (!recorded) return record;
  return {
    ...record,
    documents: {
      ...record.documents,
      [path]: { ...recorded, version, template_sha256: sha256(template), written_sha256: sha256(proposed) },
    },
  };
}

/** The texts to keep beside the record: each recorded document as it was written, under `TEMPLATE_BASE`. */
export function keptTexts(record: TemplateRecord, files: ReadonlyMap<string, string>): Map<string, string> {
  const kept = new Map<string, string>();
  for (const path of Object.keys(record.documents)) {
    const text = files.get(path);
    if (text !== undefined) kept.set(basePath(path), text);
  }
  return kept;
}

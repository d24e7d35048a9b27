/**
 * Which documents of a program came from which template, so that an upgrade can say which templates changed
 * since. `init` writes the record (`.trustbook-templates.json`, committed with the program); `trustbook templates
 * diff` compares each template as the installed package ships it with the one the document was written from.
 * Nothing here touches the disk.
 */
import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
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
}

/**
 * The documents whose template has changed since they were written, in path order. A template the package no
 * longer ships is reported with an empty patch.
 */
export function templateChanges(
  record: TemplateRecord,
  readTemplate: (path: string) => string | undefined,
  readDocument: (path: string) => string | undefined,
  version: string,
): TemplateChange[] {
  const changes: TemplateChange[] = [];
  for (const [path, recorded] of Object.entries(record.documents)) {
    const template = readTemplate(recorded.template);
    if (template !== undefined && sha256(template) === recorded.template_sha256) continue;
    const current = readDocument(path);
    const document =
      current === undefined ? 'deleted' : sha256(current) === recorded.written_sha256 ? 'as written' : 'edited';
    const proposed =
      template === undefined ? undefined : fillPlaceholders(template, recorded.values, recorded.template);
    const patch =
      proposed === undefined
        ? ''
        : createTwoFilesPatch(
            `a/${path}`,
            `b/${path}`,
            current ?? '',
            proposed,
            'the program',
            `template ${recorded.template} in trustbook ${version}`,
          );
    changes.push({ path, template: recorded.template, document, patch });
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

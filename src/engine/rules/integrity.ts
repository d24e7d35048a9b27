/**
 * Integrity: every file the evidence names (artifacts, population exports, bridge letters) exists inside
 * evidence-index/ and still matches its recorded SHA-256; a population kept as CSV lists as many events as
 * it claims.
 */
import type { Diagnostic, Subject } from '../diagnostics.ts';
import type { KeyLines } from '../frontmatter.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type ArtifactFileState, type ProgramModel } from '../model.ts';
import type { Rule } from './context.ts';

/** A file named by a document: where it is written, and what was recorded about it. */
interface NamedFile {
  path: string;
  sha256?: string | undefined;
  /** For a population: the events it claims to list. */
  rows?: number | undefined;
  file: string;
  at: [{ keyLines: KeyLines }, ...PropertyKey[]];
  subject: Subject;
  what: string;
}

/** Every file in evidence-index/ the program names, for the loader to look up and the rule to check. */
export function namedFiles(model: ProgramModel): NamedFile[] {
  const files: NamedFile[] = [];
  for (const series of model.evidence) {
    const subject = { kind: 'evidence' as const, id: series.id };
    series.data.artifacts.forEach((artifact, index) => {
      if (artifact.file) {
        files.push({
          path: artifact.file,
          sha256: artifact.sha256,
          file: series.file,
          at: [series, 'artifacts', index, 'file'],
          subject: { ...subject, artifact: index },
          what: 'artifact file',
        });
      }
    });
    series.data.population.forEach((population, index) => {
      if (population.file) {
        files.push({
          path: population.file,
          sha256: population.sha256,
          rows: population.rows,
          file: series.file,
          at: [series, 'population', index, 'file'],
          subject,
          what: 'population file',
        });
      }
    });
  }
  for (const vendor of model.vendors) {
    const letter = vendor.data.assurance?.bridge_letter;
    if (letter?.file) {
      files.push({
        path: letter.file,
        file: vendor.file,
        at: [vendor, 'assurance', 'bridge_letter', 'file'],
        subject: { kind: 'vendor', id: vendor.id },
        what: 'bridge letter',
      });
    }
  }
  return files;
}

export const integrityRule: Rule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const named of namedFiles(model)) {
    const state: ArtifactFileState | undefined = model.artifactFiles.get(named.path);
    if (!state) continue;
    const [document, ...path] = named.at;
    const where = { file: named.file, line: lineOf(document, ...path), subject: named.subject };
    if (state.status === 'outside') {
      diagnostics.push(finding('TB703', where, named.what, named.path, state.reason));
    } else if (state.status === 'missing') {
      diagnostics.push(finding('TB701', where, named.what, named.path));
    } else if (named.sha256 && state.sha256 !== named.sha256.toLowerCase()) {
      diagnostics.push(finding('TB702', where, named.what, named.path, state.sha256));
    } else if (named.rows !== undefined && state.csvRecords !== undefined && state.csvRecords !== named.rows) {
      const problem = { what: 'rows', file: named.path, listed: state.csvRecords, rows: named.rows } as const;
      diagnostics.push(finding('TB405', where, problem));
    }
  }
  return diagnostics;
};

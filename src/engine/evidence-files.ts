/**
 * Which evidence files kept in the repository the auditor site serves, and under which name. Only a file the
 * check found inside evidence-index/ and matching the SHA-256 its series records is served: a file that is
 * missing, outside the folder or altered is a finding (TB701–TB703), never a download.
 */
import type { ArtifactFileState, Document } from './model.ts';
import type { EvidenceData } from '../schema/index.ts';

/** The folder of the auditor site the files are copied into, one subfolder per evidence series. */
export const EVIDENCE_FILES_FOLDER = 'evidence-files';

export interface ServedEvidenceFile {
  /** The series that names the file. */
  seriesId: string;
  /** The file as the series names it, relative to evidence-index/. */
  file: string;
  /** Its SHA-256 as recorded and verified, lower case. */
  sha256: string;
  /** Where it is served inside the auditor site: `evidence-files/<series>/<name>`, unencoded. */
  path: string;
}

/** The last segment of a path written with either separator. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? '';
}

/**
 * The files each series names (artifacts and population exports) that the check verified, each once per series.
 * Two files of one series with the same name in different folders are told apart by the start of their hash.
 */
export function servedEvidenceFiles(
  series: readonly Document<EvidenceData>[],
  states: ReadonlyMap<string, ArtifactFileState>,
): ServedEvidenceFile[] {
  const served: ServedEvidenceFile[] = [];
  for (const document of series) {
    const named = [...document.data.artifacts, ...document.data.population].flatMap((entry) =>
      entry.file && entry.sha256 ? [{ file: entry.file, sha256: entry.sha256.toLowerCase() }] : [],
    );
    const verified = new Map<string, string>();
    for (const { file, sha256 } of named) {
      const state = states.get(file);
      const name = baseName(file);
      // `.` and `..` never name a file the check found; refused here too, so no served path can climb.
      if (state?.status !== 'present' || state.sha256 !== sha256 || name === '' || name === '.' || name === '..') {
        continue;
      }
      verified.set(file, sha256);
    }
    const byName = new Map<string, number>();
    for (const file of verified.keys()) byName.set(baseName(file), (byName.get(baseName(file)) ?? 0) + 1);
    for (const [file, sha256] of verified) {
      const name = byName.get(baseName(file))! > 1 ? `${sha256.slice(0, 12)}-${baseName(file)}` : baseName(file);
      served.push({ seriesId: document.id, file, sha256, path: `${EVIDENCE_FILES_FOLDER}/${document.id}/${name}` });
    }
  }
  return served;
}

/** The served path as a link: each segment percent-encoded, so a space or `#` in a file name does not break it. */
export function evidenceFileHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

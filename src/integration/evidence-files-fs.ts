/**
 * The auditor site's copies of the evidence files kept in the repository. They are written into the staged
 * auditor site only (never the trust center or the portal), before the leak scan reads it, so they reach
 * `dist/` in the same rename as every page or not at all. Each copy is the bytes that were hashed just now
 * against the SHA-256 the check verified: a file changed or swapped for a link since the check stops the build.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ServedEvidenceFile } from '../engine/evidence-files.ts';
import { readVerifiedEvidenceFile } from '../engine/load-fs.ts';
import { evidenceFileHref } from '../engine/evidence-files.ts';
import { findingsError } from './findings-error.ts';

/** What a host is told each file is; anything else goes out as bytes to save, never as something to run. */
const mediaTypes: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  txt: 'text/plain',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

/** The media type a file is served with, from its extension. */
export function evidenceMediaType(name: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return (extension && mediaTypes[extension]) || 'application/octet-stream';
}

/**
 * The `_headers` entries for the copies: each is a download (an HTML or SVG file kept as evidence must not run
 * as a page of the auditor site), with its media type.
 */
export function evidenceHeaders(served: readonly ServedEvidenceFile[]): string {
  const paths = [...new Set(served.map((file) => file.path))].sort();
  return paths
    .map(
      (path) =>
        `\n/${evidenceFileHref(path)}\n  Content-Type: ${evidenceMediaType(path)}\n  Content-Disposition: attachment\n`,
    )
    .join('');
}

/** Copies each verified file into `siteDir` at its served path, and adds its headers to the site's `_headers`. */
export function copyEvidenceFiles(root: string, siteDir: string, served: readonly ServedEvidenceFile[]): void {
  const changed: string[] = [];
  for (const file of served) {
    const target = resolve(siteDir, file.path);
    // The served path is made of a series id and a file's last name; this holds it inside the site regardless.
    const inside = relative(resolve(siteDir), target);
    if (inside.startsWith('..') || inside.split(sep).includes('..')) {
      changed.push(`evidence-index/${file.file}: its name would be served outside the auditor site`);
      continue;
    }
    const bytes = readVerifiedEvidenceFile(root, file.file, file.sha256);
    if (bytes === undefined) {
      changed.push(`evidence-index/${file.file}: no longer the file the check verified`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  if (changed.length > 0) {
    throw findingsError(
      `Evidence files changed while the sites were built; dist/ was left as it was.\n${changed.map((line) => `  ${line}`).join('\n')}`,
      'Build again once nothing is writing to evidence-index/: each file is copied only as the check verified it.',
    );
  }
  if (served.length > 0) appendFileSync(join(siteDir, '_headers'), evidenceHeaders(served));
}

/** The disk side of `trustbook evidence add`: a file taken into evidence-index/, with its SHA-256. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { UsageError } from '../engine/errors.ts';
import { EVIDENCE_DIR } from '../engine/load-fs.ts';

/** A file of the repository, kept inside evidence-index/ (copied to evidence-index/files/ if elsewhere). */
export function storeFile(root: string, source: string): { path: string; sha256: string } {
  if (!existsSync(source) || !statSync(source).isFile()) {
    throw new UsageError(`no file at ${source}`, 'Check the path given to --file.');
  }
  const real = realpathSync(source);
  const repository = realpathSync(root);
  const inRepo = relative(repository, real);
  if (inRepo.startsWith('..') || isAbsolute(inRepo)) {
    throw new UsageError(
      `${source} is outside the program's repository`,
      'Copy the file into evidence-index/files/ first, then add it.',
    );
  }
  const bytes = readFileSync(real);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const evidenceRoot = join(repository, EVIDENCE_DIR);
  const inEvidence = relative(evidenceRoot, real);
  if (!inEvidence.startsWith('..') && !isAbsolute(inEvidence))
    return { path: inEvidence.split('\\').join('/'), sha256 };
  const target = join(evidenceRoot, 'files', basename(real));
  if (existsSync(target)) {
    if (createHash('sha256').update(readFileSync(target)).digest('hex') !== sha256) {
      throw new UsageError(
        `evidence-index/files/${basename(real)} exists with other content`,
        'Rename the file, then add it again.',
      );
    }
  } else {
    mkdirSync(join(evidenceRoot, 'files'), { recursive: true });
    copyFileSync(real, target);
  }
  return { path: `files/${basename(real)}`, sha256 };
}

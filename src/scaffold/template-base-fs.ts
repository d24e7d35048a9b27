/**
 * Finds a document as `init` wrote it, for the three-way view of `trustbook templates diff`: the copy kept
 * beside the template record, or, for a program started before copies were kept, the version in its git
 * history whose hash the record holds. Either is trusted only when its SHA-256 is the recorded one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { basePath, isWrittenText, type RecordedDocument } from './template-record.ts';

/** How far back in a document's history to look for the version as written. */
const commitsSearched = 200;

export function writtenTextReader(root: string) {
  return (path: string, recorded: RecordedDocument): string | undefined => {
    const kept = join(root, basePath(path));
    if (existsSync(kept)) {
      const text = readFileSync(kept, 'utf8');
      if (isWrittenText(recorded, text)) return text;
    }
    return fromHistory(root, path, recorded);
  };
}

function fromHistory(root: string, path: string, recorded: RecordedDocument): string | undefined {
  const git = (args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const log = git(['log', `--max-count=${commitsSearched}`, '--format=%H', '--', path]);
  if (log.status !== 0 || log.error) return undefined;
  for (const commit of log.stdout.split('\n').filter(Boolean)) {
    const shown = git(['show', `${commit}:${path}`]);
    if (shown.status === 0 && isWrittenText(recorded, shown.stdout)) return shown.stdout;
  }
  return undefined;
}

/**
 * Revision history of documents from git, read with one `git log` for the whole program (following
 * renames), so the cost does not grow with one process per document. Without git, history is empty.
 */
import { spawnSync } from 'node:child_process';
import type { Revision } from '../site/history.ts';

const marker = '\u001e';

/** Revisions by current project-relative path, newest first. */
export function readGitHistory(root: string, folders: readonly string[]): Map<string, Revision[]> {
  const result = spawnSync(
    'git',
    ['log', `--format=${marker}%h%x09%ad%x09%an%x09%s`, '--date=short', '--name-status', '-M', '--', ...folders],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.status !== 0 || result.error) return new Map();
  return parseGitLog(result.stdout);
}

/** Parses `git log --name-status` output; a rename carries the history of the old path to the new one. */
export function parseGitLog(output: string): Map<string, Revision[]> {
  const history = new Map<string, Revision[]>();
  /** Old path -> the path it has today, learnt from renames as we walk back in time. */
  const currentName = new Map<string, string>();
  for (const block of output.split(marker).slice(1)) {
    const [header, ...lines] = block.split('\n');
    const [commit = '', date = '', author = '', ...subject] = (header ?? '').split('\t');
    const revision: Revision = { commit, date, author, subject: subject.join('\t') };
    for (const line of lines) {
      const [status, ...paths] = line.split('\t');
      if (!status || paths.length === 0) continue;
      const path = paths.at(-1)!;
      const today = currentName.get(path) ?? path;
      if (status.startsWith('R') && paths.length === 2) currentName.set(paths[0]!, today);
      const list = history.get(today) ?? [];
      list.push(revision);
      history.set(today, list);
    }
  }
  return history;
}

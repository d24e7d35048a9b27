/**
 * The sample workspace as a partner's repository with a short history, for the portfolio's trend: birch breaks
 * (a control owned by nobody in its people register) and is mended two weeks later, when it also collects its
 * quarterly review a few days earlier than the others, so the worklist has an order to show.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const sampleWorkspace = resolve(import.meta.dirname, '../../examples/workspace');

/** The day the portfolio is judged as of (TRUSTBOOK_AS_OF): birch's next review then falls due first. */
export const portfolioAsOf = '2026-10-01';

export function git(root: string, args: string[], day?: string): string {
  const date = day ? { GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` } : {};
  return execFileSync(
    'git',
    ['-c', 'user.name=Northwind', '-c', 'user.email=ops@northwind.example', '-c', 'commit.gpgsign=false', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ...date }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

export function commitAll(root: string, message: string, day: string): void {
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '--message', message], day);
}

export function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

const birchControl = 'clients/birch/content/controls/BASE-01.mdx';
const birchEvidence = 'clients/birch/evidence-index/EV-BASE-01.mdx';

/** Copies the sample workspace to `root` and gives it two commits: birch broken, then birch mended. */
export function sampleWithHistory(root: string): void {
  cpSync(sampleWorkspace, root, { recursive: true });
  writeFileSync(join(root, '.gitignore'), 'dist/\nnode_modules/\n.trustbook/\n');
  git(root, ['init', '--quiet', '--initial-branch=main']);
  const owner = /^owner: .*$/m.exec(readFileSync(join(root, birchControl), 'utf8'))![0];
  edit(root, birchControl, (text) => text.replace(owner, 'owner: nobody-here'));
  commitAll(root, 'Three clients from the Northwind baseline', '2026-09-01');
  edit(root, birchControl, (text) => text.replace('owner: nobody-here', owner));
  edit(root, birchEvidence, (text) => text.replace('collected: 2026-07-03', 'collected: 2026-06-30'));
  commitAll(root, 'birch: the control has its owner again', '2026-09-15');
}

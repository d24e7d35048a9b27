import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGitLog, readGitHistory } from '../../src/integration/git-history.ts';

describe('revision history', () => {
  it('follows a rename back to the history of the old path', () => {
    const log = [
      '\u001eb2\t2026-05-01\tSam\tRename the policy',
      '',
      'R100\tpolicies/old.mdx\tpolicies/new.mdx',
      '\u001ea1\t2026-01-01\tSam\tFirst version',
      '',
      'A\tpolicies/old.mdx',
    ].join('\n');
    const history = parseGitLog(log);
    expect(history.get('policies/new.mdx')?.map((revision) => revision.commit)).toEqual(['b2', 'a1']);
    expect(history.has('policies/old.mdx')).toBe(false);
  });

  it('reads a real repository with one git call, and returns nothing outside git', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustbook-git-'));
    try {
      expect(readGitHistory(dir, ['policies']).size).toBe(0);
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
      git('init', '-q');
      mkdirSync(join(dir, 'policies'));
      writeFileSync(join(dir, 'policies/a.mdx'), 'one');
      git('add', '.');
      git('commit', '-qm', 'Add policy A');
      writeFileSync(join(dir, 'policies/a.mdx'), 'two');
      git('commit', '-qam', 'Revise policy A');
      expect(
        readGitHistory(dir, ['policies'])
          .get('policies/a.mdx')
          ?.map((r) => r.subject),
      ).toEqual(['Revise policy A', 'Add policy A']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

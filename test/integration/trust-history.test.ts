/** Reading the trust center's history from a real git repository, made by each test with fixed dates. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTrustHistory } from '../../src/integration/trust-history.ts';
import { trustChanges } from '../../src/trust-center/trust-updates.ts';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'trustbook-trust-history-'));
  folders.push(folder);
  return folder;
}

/** A git repository in a new folder; `commit` writes, removes and commits files on a given day. */
function repository(root = tempFolder()) {
  const git = (args: string[], date = '2026-01-01') =>
    execFileSync(
      'git',
      ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
      },
    ).trim();
  git(['init', '-q', '-b', 'main']);
  const write = (files: Record<string, string | null>, at = root) => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) unlinkSync(join(at, path));
      else {
        mkdirSync(dirname(join(at, path)), { recursive: true });
        writeFileSync(join(at, path), text);
      }
    }
  };
  return {
    root,
    git,
    write,
    commit(date: string, files: Record<string, string | null>, at = root): string {
      write(files, at);
      git(['add', '-A']);
      git(['commit', '-qm', `Change of ${date}`], date);
      return git(['rev-parse', 'HEAD']);
    },
  };
}

const vendor = (name: string, visible: boolean) =>
  `id: v\nname: ${name}\npurpose: Hosting.\ncriticality: high\nadded: 2026-01-01\nreviewed: 2026-01-01\npublic: ${visible}\n`;

describe('reading the trust center’s history from git', () => {
  it('returns nothing outside a repository, for a folder that does not exist, or without git', () => {
    expect(readTrustHistory(tempFolder())).toEqual([]);
    expect(readTrustHistory(join(tempFolder(), 'no-such-folder'))).toEqual([]);
    const repo = repository();
    repo.commit('2026-01-05', { 'content/vendors/a.yaml': vendor('Alpha Hosting', true) });
    vi.stubEnv('PATH', tempFolder());
    try {
      expect(readTrustHistory(repo.root)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(readTrustHistory(repo.root)).toHaveLength(1);
  });

  it('lists the commits oldest first, each file’s text after it, renames and deletions, and only public-relevant files', () => {
    const repo = repository();
    const first = repo.commit('2026-01-05', {
      'content/vendors/old-name.yaml': vendor('Payline Payments', true),
      'policies/encryption.mdx': '---\ntitle: Encryption Policy\nversion: "1.0"\n---\n\nText.\n',
      'content/trust/faq.mdx': '---\ntitle: FAQ\n---\n\nAnswers.\n',
      'content/trust/attestations/soc2.yaml': 'framework: soc2\n',
      'content/controls/AC-01.mdx': '---\ntitle: A control\n---\n',
      'content/trust/documents/report.yaml': 'title: Report\n',
    });
    repo.git(['mv', 'content/vendors/old-name.yaml', 'content/vendors/payline.yaml']);
    const second = repo.commit('2026-02-10', {
      'policies/encryption.mdx': '---\ntitle: Encryption Policy\nversion: "1.1"\n---\n\nText.\n',
    });
    const third = repo.commit('2026-03-01', { 'content/trust/faq.mdx': null });

    const history = readTrustHistory(repo.root);
    expect(history.map((revision) => [revision.commit, revision.date, revision.baseline])).toEqual([
      [first, '2026-01-05', false],
      [second, '2026-02-10', false],
      [third, '2026-03-01', false],
    ]);
    expect(history[0]!.files.map((file) => file.path).sort()).toEqual([
      'content/trust/attestations/soc2.yaml',
      'content/trust/faq.mdx',
      'content/vendors/old-name.yaml',
      'policies/encryption.mdx',
    ]);
    expect(history[0]!.files.find((file) => file.path === 'content/vendors/old-name.yaml')?.text).toBe(
      vendor('Payline Payments', true),
    );
    expect(history[1]!.files).toContainEqual({
      path: 'content/vendors/payline.yaml',
      from: 'content/vendors/old-name.yaml',
      text: vendor('Payline Payments', true),
    });
    expect(history[1]!.files).toContainEqual({
      path: 'policies/encryption.mdx',
      text: '---\ntitle: Encryption Policy\nversion: "1.1"\n---\n\nText.\n',
    });
    expect(history[2]!.files).toEqual([{ path: 'content/trust/faq.mdx', deleted: true }]);
  });

  it('lists a subprocessor added in the repository’s history, once, across a rename', () => {
    const repo = repository();
    repo.commit('2026-01-05', { 'content/vendors/payline.yaml': vendor('Payline Payments', false) });
    const added = repo.commit('2026-04-02', { 'content/vendors/payline.yaml': vendor('Payline Payments', true) });
    repo.git(['mv', 'content/vendors/payline.yaml', 'content/vendors/payline-payments.yaml']);
    repo.commit('2026-05-01', {});
    expect(trustChanges(readTrustHistory(repo.root))).toEqual([
      expect.objectContaining({
        kind: 'subprocessor-added',
        subject: 'Payline Payments',
        date: '2026-04-02',
        commit: added,
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        current: 'content/vendors/payline-payments.yaml',
      }),
    ]);
  });

  it('dates a change merged from a branch by the merge, when it reached the main line', () => {
    const repo = repository();
    repo.commit('2026-01-05', { 'README.md': 'Program\n', 'content/vendors/a.yaml': vendor('Alpha Hosting', true) });
    repo.git(['checkout', '-q', '-b', 'new-vendor']);
    repo.commit('2026-02-01', { 'content/vendors/b.yaml': vendor('Beta Mail', true) });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('2026-02-15', { 'README.md': 'Program, revised\n' });
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge new-vendor', 'new-vendor'], '2026-03-01');
    expect(trustChanges(readTrustHistory(repo.root)).map((change) => [change.subject, change.date])).toEqual([
      ['Beta Mail', '2026-03-01'],
      ['Alpha Hosting', '2026-01-05'],
    ]);
  });

  it('reads a program kept in a folder of a larger repository, with paths from the program’s folder', () => {
    const repo = repository();
    repo.commit('2026-01-05', { 'trust/content/vendors/a.yaml': vendor('Alpha Hosting', true), 'app/main.ts': '' });
    expect(readTrustHistory(join(repo.root, 'trust'))[0]!.files).toEqual([
      { path: 'content/vendors/a.yaml', text: vendor('Alpha Hosting', true) },
    ]);
  });

  it('takes a shallow clone’s oldest commit as where its history starts, not as a change', () => {
    const repo = repository();
    repo.commit('2026-01-05', { 'content/vendors/a.yaml': vendor('Alpha Hosting', true) });
    repo.commit('2026-02-01', { 'content/vendors/b.yaml': vendor('Beta Mail', true) });
    repo.commit('2026-03-01', { 'content/vendors/c.yaml': vendor('Gamma Queue', true) });
    const clone = join(tempFolder(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.root}`, clone]);
    const history = readTrustHistory(clone);
    expect(history.map((revision) => [revision.date, revision.baseline])).toEqual([
      ['2026-02-01', true],
      ['2026-03-01', false],
    ]);
    expect(trustChanges(history).map((change) => change.subject)).toEqual(['Gamma Queue']);
  });
});

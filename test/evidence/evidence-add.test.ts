import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendArtifact } from '../../src/evidence/append-artifact.ts';
import { checkProject } from '../../src/engine/index.ts';
import { runCli } from '../cli/run.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-evidence-'));
  writeProgram(root, validProgram());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('appending an artifact', () => {
  it('adds one line in the style of the others and leaves every other line as it was', () => {
    const before = validProgram()[EVIDENCE]!.replace(
      'owner: security-lead',
      'owner: security-lead   # the lead collects it',
    );
    const after = appendArtifact(before, {
      collected: '2026-10-05',
      period: '2026-Q3',
      location: 'https://docs.test.example/q3.pdf',
    });
    const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
    expect(added).toEqual([
      '  - { collected: 2026-10-05, period: 2026-Q3, location: "https://docs.test.example/q3.pdf" }',
    ]);
    expect(after.replace(`${added[0]}\n`, '')).toBe(before);
  });

  it('turns an empty list into a list of one, keeping its comment', () => {
    const text =
      '---\nid: EV-X\ntitle: X\ncontrols: [C]\nowner: o\nfrequency: annual\nartifacts: []  # none yet\n---\nBody\n';
    expect(appendArtifact(text, { collected: '2026-01-02', location: 'https://x.example/a' })).toBe(
      '---\nid: EV-X\ntitle: X\ncontrols: [C]\nowner: o\nfrequency: annual\nartifacts:  # none yet\n  - { collected: 2026-01-02, location: "https://x.example/a" }\n---\nBody\n',
    );
  });

  it('follows block style when the list is written in block style', () => {
    const text =
      '---\nid: EV-X\ntitle: X\ncontrols: [C]\nowner: o\nfrequency: annual\nartifacts:\n  - collected: 2025-01-02\n    location: https://x.example/a\n---\n';
    const after = appendArtifact(text, {
      collected: '2026-01-02',
      location: 'https://x.example/b',
      note: 'Second: yes',
    });
    expect(after).toContain(
      '  - collected: 2026-01-02\n    location: "https://x.example/b"\n    note: "Second: yes"\n---',
    );
  });
});

describe('trustbook evidence add', () => {
  it('records a URL artifact, and the program still checks clean', async () => {
    const result = await runCli(root, [
      'evidence',
      'add',
      'EV-BASE-01',
      '--url',
      'https://docs.test.example/q3.pdf',
      '--collected',
      '2026-07-10',
      '--period',
      '2026-Q3',
    ]);
    expect(result.code).toBe(0);
    const series = checkProject(root, { today: '2026-07-15' }).model.evidence[0]!;
    expect(series.data.artifacts.at(-1)).toEqual({
      collected: '2026-07-10',
      period: '2026-Q3',
      location: 'https://docs.test.example/q3.pdf',
    });
  });

  it('hashes a file from the repository and copies it into evidence-index/files/', async () => {
    writeFileSync(join(root, 'export.csv'), 'user,decision\nada,keep\n');
    const result = await runCli(root, [
      'evidence',
      'add',
      'EV-BASE-01',
      '--file',
      'export.csv',
      '--collected',
      '2026-07-10',
    ]);
    expect(result.code).toBe(0);
    const sha = createHash('sha256').update('user,decision\nada,keep\n').digest('hex');
    expect(readFileSync(join(root, 'evidence-index/files/export.csv'), 'utf8')).toBe('user,decision\nada,keep\n');
    const checked = checkProject(root, { today: '2026-07-15' });
    expect(checked.model.evidence[0]!.data.artifacts.at(-1)).toMatchObject({ file: 'files/export.csv', sha256: sha });
    expect(checked.diagnostics.filter((d) => d.code.startsWith('TB7'))).toEqual([]);
  });

  it('refuses files outside the repository, unknown ids and bad dates, writing nothing', async () => {
    const before = readFileSync(join(root, EVIDENCE), 'utf8');
    const outside = join(tmpdir(), `trustbook-outside-${process.pid}.txt`);
    writeFileSync(outside, 'x');
    try {
      expect(
        await runCli(root, ['evidence', 'add', 'EV-BASE-01', '--file', outside, '--collected', '2026-07-10']),
      ).toMatchObject({ code: 2, stderr: expect.stringContaining('outside') });
    } finally {
      rmSync(outside);
    }
    expect(
      await runCli(root, ['evidence', 'add', 'EV-NOPE', '--url', 'https://x.example', '--collected', '2026-07-10']),
    ).toMatchObject({ code: 2 });
    expect(
      await runCli(root, ['evidence', 'add', 'EV-BASE-01', '--url', 'https://x.example', '--collected', '2026-02-30']),
    ).toMatchObject({ code: 2 });
    expect(
      await runCli(root, [
        'evidence',
        'add',
        'EV-BASE-01',
        '--url',
        'javascript:alert(1)',
        '--collected',
        '2026-07-10',
      ]),
    ).toMatchObject({ code: 2 });
    expect(readFileSync(join(root, EVIDENCE), 'utf8')).toBe(before);
  });
});

/** The leak scan is a gate: a page that shows what its audience may not see stops the publish. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishSites } from '../../src/integration/publish.ts';
import { sites } from '../../src/site/sites.ts';
import { check } from '../helpers/program.ts';
import { canaries, canaryProgram } from './canaries.ts';

let root: string;
const paths = () => ({ astroOut: join(root, 'astro'), staging: join(root, 'sites'), dist: join(root, 'dist'), root });
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>x</title></head><body><main data-pagefind-body><h1>Page</h1><p>${body}</p></main></body></html>`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-gate-'));
  for (const site of sites) {
    mkdirSync(join(root, 'astro', site), { recursive: true });
    writeFileSync(join(root, 'astro', site, 'index.html'), page('Nothing to hide here.'));
  }
  mkdirSync(join(root, 'dist/public'), { recursive: true });
  writeFileSync(join(root, 'dist/public/index.html'), 'the last good build');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('publishing', () => {
  it('stops when a public page holds an auditor-only narrative, leaving dist/ as it was', async () => {
    const narrative = `Narrative ${canaries.controlNarrative.text}. The security lead runs the baseline program every quarter.`;
    writeFileSync(join(root, 'astro/public/index.html'), page(narrative));
    const outcome = await publishSites(check(canaryProgram()), paths());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect([...outcome.leaks.keys()]).toEqual(['public']);
    expect(outcome.leaks.get('public')![0]).toMatchObject({
      file: 'index.html',
      source: 'content/controls/BASE-01.mdx',
    });
    expect(readFileSync(join(root, 'dist/public/index.html'), 'utf8')).toBe('the last good build');
  }, 60_000);

  it('stops when a file of the trust center holds part of a document under NDA, whatever kind of file it is', async () => {
    const report = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + (index >> 3)) % 251));
    const program = {
      ...canaryProgram(),
      'content/trust/documents/report.yaml': 'title: SOC 2 report\nfile: content/trust/files/report.pdf\naccess: nda\n',
    };
    mkdirSync(join(root, 'content/trust/files'), { recursive: true });
    writeFileSync(join(root, 'content/trust/files/report.pdf'), report);
    // A slice from the middle of the report, inside a file no word scan reads.
    mkdirSync(join(root, 'astro/public/files'), { recursive: true });
    writeFileSync(
      join(root, 'astro/public/files/appendix.bin'),
      Buffer.concat([Buffer.from('x'), report.subarray(1000, 1400)]),
    );
    const outcome = await publishSites(check(program), paths());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.leaks.get('public')).toEqual([
      { file: 'files/appendix.bin', text: '32 bytes of the document', source: 'content/trust/documents/report.yaml' },
    ]);
    expect(readFileSync(join(root, 'dist/public/index.html'), 'utf8')).toBe('the last good build');
  }, 60_000);

  it('publishes clean sites, each with its own search index', async () => {
    const outcome = await publishSites(check(canaryProgram()), paths());
    expect(outcome).toEqual({ ok: true, pages: { public: 1, employees: 1, auditors: 1 } });
    for (const site of sites)
      expect(readFileSync(join(root, 'dist', site, 'pagefind/pagefind.js'), 'utf8').length).toBeGreaterThan(0);
  }, 60_000);
});

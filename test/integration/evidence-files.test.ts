/**
 * The auditor site serves the evidence files kept in the repository: only those the check verified, only on
 * the auditor site, as downloads, and only as the bytes that were verified.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceFileHref, servedEvidenceFiles } from '../../src/engine/evidence-files.ts';
import { checkProject, type CheckResult } from '../../src/engine/index.ts';
import { copyEvidenceFiles, evidenceHeaders, evidenceMediaType } from '../../src/integration/evidence-files-fs.ts';
import { publishSites } from '../../src/integration/publish.ts';
import { auditorView } from '../../src/site/views.ts';
import { sites } from '../../src/site/sites.ts';
import { auditorProjections } from '../../src/site/views/auditor.ts';
import { edit, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const content = 'user,system,decision\nada,crm,keep\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-evidence-files-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The helper program whose first artifact is `file` with `hash`, and its other artifacts as they are. */
function withFile(file: string, hash = sha(content)): Files {
  return edit(
    validProgram(),
    EVIDENCE,
    'location: "https://docs.test.example/q1.pdf"',
    `file: "${file}", sha256: ${hash}`,
  );
}

function checked(files: Files): CheckResult {
  writeProgram(root, files);
  return checkProject(root, { today: '2026-07-15' });
}

describe('which evidence files the auditor site serves', () => {
  it('serves a file the check verified, under its series and name', () => {
    const result = checked({ ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': content });
    expect(auditorView(result).evidenceFiles).toEqual([
      { seriesId: 'EV-BASE-01', file: 'files/q1.csv', sha256: sha(content), path: 'evidence-files/EV-BASE-01/q1.csv' },
    ]);
  });

  it('serves no file that is missing, altered, or outside evidence-index/', () => {
    expect(auditorView(checked(withFile('files/q1.csv'))).evidenceFiles).toEqual([]);
    const altered = { ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': `${content}eve,crm,keep\n` };
    expect(auditorView(checked(altered)).evidenceFiles).toEqual([]);
    writeFileSync(join(root, 'secret.csv'), content);
    expect(auditorView(checked(withFile('../secret.csv'))).evidenceFiles).toEqual([]);
  });

  it('serves no file reached through a link that leaves evidence-index/', () => {
    writeProgram(root, withFile('files/link.csv'));
    writeFileSync(join(root, 'secret.csv'), content);
    mkdirSync(join(root, 'evidence-index/files'), { recursive: true });
    symlinkSync(join(root, 'secret.csv'), join(root, 'evidence-index/files/link.csv'));
    expect(auditorView(checkProject(root, { today: '2026-07-15' })).evidenceFiles).toEqual([]);
  });

  it('tells apart two files of one series with the same name by the start of their hash', () => {
    const other = 'user,system,decision\nbo,erp,remove\n';
    const files = edit(
      { ...withFile('files/a/export.csv'), 'evidence-index/files/a/export.csv': content },
      EVIDENCE,
      'location: "https://docs.test.example/q2.pdf"',
      `file: "files/b/export.csv", sha256: ${sha(other)}`,
    );
    const result = checked({ ...files, 'evidence-index/files/b/export.csv': other });
    expect(auditorView(result).evidenceFiles.map((file) => file.path)).toEqual([
      `evidence-files/EV-BASE-01/${sha(content).slice(0, 12)}-export.csv`,
      `evidence-files/EV-BASE-01/${sha(other).slice(0, 12)}-export.csv`,
    ]);
  });

  it('links the evidence page to the served file, percent-encoded', () => {
    const result = checked({ ...withFile('files/Q1 review #2.csv'), 'evidence-index/files/Q1 review #2.csv': content });
    const series = auditorProjections(result).evidence.find((entry) => entry.id === 'EV-BASE-01')!;
    const artifact = series.artifacts.find((entry) => entry.file !== undefined)!;
    expect(artifact.download).toEqual({
      href: 'evidence-files/EV-BASE-01/Q1%20review%20%232.csv',
      name: 'Q1 review #2.csv',
    });
    expect(series.artifacts.filter((entry) => entry.download === undefined)).toHaveLength(series.artifacts.length - 1);
  });

  it('takes no file a series names without a verified hash', () => {
    const states = new Map([['files/q1.csv', { status: 'present' as const, sha256: sha('other') }]]);
    const series = checked({ ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': content }).model.evidence;
    expect(servedEvidenceFiles(series, states)).toEqual([]);
  });
});

describe('copying the served files into the auditor site', () => {
  it('writes the verified bytes, and headers that make each a download of its type', () => {
    const result = checked({ ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': content });
    const site = join(root, 'site');
    mkdirSync(site);
    writeFileSync(join(site, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
    copyEvidenceFiles(root, site, auditorView(result).evidenceFiles);
    expect(readFileSync(join(site, 'evidence-files/EV-BASE-01/q1.csv'), 'utf8')).toBe(content);
    expect(readFileSync(join(site, '_headers'), 'utf8')).toContain(
      '/evidence-files/EV-BASE-01/q1.csv\n  Content-Type: text/csv\n  Content-Disposition: attachment\n',
    );
  });

  it('stops when a file changed after the check, writing nothing of it', () => {
    const result = checked({ ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': content });
    writeFileSync(join(root, 'evidence-index/files/q1.csv'), `${content}eve,crm,keep\n`);
    const site = join(root, 'site');
    mkdirSync(site);
    expect(() => copyEvidenceFiles(root, site, auditorView(result).evidenceFiles)).toThrow(
      /evidence-index\/files\/q1\.csv: no longer the file the check verified/,
    );
    expect(existsSync(join(site, 'evidence-files/EV-BASE-01/q1.csv'))).toBe(false);
  });

  it('stops when a file was swapped for a link leaving evidence-index/ after the check', () => {
    const result = checked({ ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': content });
    writeFileSync(join(root, 'secret.csv'), content);
    rmSync(join(root, 'evidence-index/files/q1.csv'));
    symlinkSync(join(root, 'secret.csv'), join(root, 'evidence-index/files/q1.csv'));
    const site = join(root, 'site');
    mkdirSync(site);
    expect(() => copyEvidenceFiles(root, site, auditorView(result).evidenceFiles)).toThrow(/no longer the file/);
  });

  it('serves HTML and unknown types as bytes to save, never as a page', () => {
    expect(evidenceMediaType('scan.HTML')).toBe('application/octet-stream');
    expect(evidenceMediaType('diagram.svg')).toBe('application/octet-stream');
    expect(evidenceMediaType('report.pdf')).toBe('application/pdf');
    expect(
      evidenceHeaders([{ seriesId: 'EV-1', file: 'a.html', sha256: '0', path: 'evidence-files/EV-1/a.html' }]),
    ).toBe(
      '\n/evidence-files/EV-1/a.html\n  Content-Type: application/octet-stream\n  Content-Disposition: attachment\n',
    );
    expect(evidenceFileHref('evidence-files/EV-1/a b.csv')).toBe('evidence-files/EV-1/a%20b.csv');
  });

  it('publishes the files on the auditor site only, in the same swap as the pages', async () => {
    const result = checked({ ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': content });
    const paths = { astroOut: join(root, 'astro'), staging: join(root, 'sites'), dist: join(root, 'dist'), root };
    for (const site of sites) {
      mkdirSync(join(paths.astroOut, site), { recursive: true });
      writeFileSync(
        join(paths.astroOut, site, 'index.html'),
        '<!doctype html><html lang="en"><head><title>x</title></head><body><main data-pagefind-body><p>Page.</p></main></body></html>',
      );
    }
    const outcome = await publishSites(result, paths);
    expect(outcome.ok).toBe(true);
    expect(readFileSync(join(root, 'dist/auditors/evidence-files/EV-BASE-01/q1.csv'), 'utf8')).toBe(content);
    expect(existsSync(join(root, 'dist/public/evidence-files'))).toBe(false);
    expect(existsSync(join(root, 'dist/employees/evidence-files'))).toBe(false);
    expect(existsSync(join(root, 'sites'))).toBe(false);
  }, 60_000);
});

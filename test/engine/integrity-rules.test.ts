import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { edit, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const content = 'user,system,decision\nada,crm,keep\n';
const sha = createHash('sha256').update(content).digest('hex');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-integrity-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function withFile(file: string, hash = sha): Files {
  return edit(
    validProgram(),
    EVIDENCE,
    'location: "https://docs.test.example/q1.pdf"',
    `file: "${file}", sha256: ${hash}`,
  );
}

function integrityFindings(files: Files) {
  writeProgram(root, files);
  return checkProject(root, { today: '2026-07-15' }).diagnostics.filter((d) => d.code.startsWith('TB7'));
}

describe('integrity rule', () => {
  it('accepts a file inside evidence-index/ that matches its sha256', () => {
    expect(integrityFindings({ ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': content })).toEqual([]);
  });

  it('reports a missing file on the line of the artifact', () => {
    expect(integrityFindings(withFile('files/q1.csv'))).toEqual([
      expect.objectContaining({ code: 'TB701', file: EVIDENCE, line: 8 }),
    ]);
  });

  it('reports a file that changed since its hash was recorded', () => {
    const files = { ...withFile('files/q1.csv'), 'evidence-index/files/q1.csv': `${content}eve,crm,keep\n` };
    expect(integrityFindings(files)).toEqual([expect.objectContaining({ code: 'TB702', line: 8 })]);
  });

  it('refuses paths that leave evidence-index/', () => {
    expect(integrityFindings({ ...withFile('../content/program.yaml') })).toEqual([
      expect.objectContaining({ code: 'TB703' }),
    ]);
    expect(integrityFindings({ ...withFile('/etc/passwd') })).toEqual([expect.objectContaining({ code: 'TB703' })]);
  });

  it('refuses a symbolic link that points outside evidence-index/', () => {
    const outside = join(root, 'secret.txt');
    writeProgram(root, withFile('files/link.csv'));
    writeFileSync(outside, content);
    mkdirSync(join(root, 'evidence-index/files'));
    symlinkSync(outside, join(root, 'evidence-index/files/link.csv'));
    const findings = checkProject(root, { today: '2026-07-15' }).diagnostics.filter((d) => d.code.startsWith('TB7'));
    expect(findings).toEqual([expect.objectContaining({ code: 'TB703', message: expect.stringContaining('link') })]);
  });
});

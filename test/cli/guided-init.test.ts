/** `trustbook init` in a terminal: it asks for what it needs, checks each answer, and never overwrites a file. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { converse, type Turn } from '../helpers/terminal.ts';

const bin = resolve(import.meta.dirname, '../../bin/trustbook.js');
const init = (...args: string[]) => [process.execPath, bin, 'init', ...args, '--as-of', '2026-12-01'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustbook-guided-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A full interview, with one answer that cannot be used and is asked again. */
const interview: Turn[] = [
  { question: /Organization, as its legal name \[Harbor Lane\]/, answer: 'Harbor Lane Analytics, Inc.' },
  { question: /system the SOC 2 report describes \[Harbor Lane Analytics Platform\]/, answer: '' },
  { question: /Public website .*\[https:\/\/example\.com\]/, answer: 'harborlane.io' },
  { question: /is not a web address[\s\S]*Public website/, answer: 'https://www.harborlane.io' },
  { question: /Security contact.*\[security@harborlane\.io\]/, answer: '' },
  { question: /Availability: .* In scope\? \(y\/n\) \[n\]/, answer: 'n' },
  { question: /Confidentiality: .* In scope\?/, answer: 'y' },
  { question: /Processing integrity: .* In scope\?/, answer: '' },
  { question: /Privacy: .* In scope\?/, answer: '' },
  { question: /Report type: II .* \[II\]/, answer: '' },
  { question: /First day of the audit window \(YYYY-MM-DD\) \[2027-03-01\]/, answer: '2027-01-01' },
  { question: /Last day of the audit window \[2027-12-31\]/, answer: '' },
  { question: /Audit firm, if chosen/, answer: 'Crowe Hollis LLP' },
  { question: /Chief Executive Officer: name/, answer: 'Dana Reyes' },
  { question: /Dana Reyes's first day at Harbor Lane Analytics, Inc\./, answer: '2023-02-01' },
  { question: /Dana Reyes's background check/, answer: '2023-01-20' },
  { question: /Dana Reyes's last security awareness training/, answer: '2026-10-05' },
  { question: /Security Lead: name/, answer: '' },
];

describe('trustbook init in a terminal', () => {
  it('asks for each answer in turn, asks again when one cannot be used, and writes what was answered', async () => {
    const run = await converse(init('harbor-lane'), dir, interview);
    expect(run.unasked).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.transcript).toContain('"harborlane.io" is not a web address');
    expect(run.transcript).toContain('Created a program for Harbor Lane Analytics, Inc.');
    const root = join(dir, 'harbor-lane');
    const program = readFileSync(join(root, 'content/program.yaml'), 'utf8');
    expect(program).toContain('organization: "Harbor Lane Analytics, Inc."');
    expect(program).toContain('website: https://www.harborlane.io');
    expect(program).toContain('contact: security@harborlane.io');
    expect(program).toContain('scope: [security, confidentiality]');
    expect(program).toContain('period: { start: 2027-01-01, end: 2027-12-31 }');
    expect(program).toContain('auditor: "Crowe Hollis LLP"');
    expect(readFileSync(join(root, 'content/people.yaml'), 'utf8')).toContain(
      '- { id: dana-reyes, name: "Dana Reyes", role: ceo, hired: 2023-02-01, background_check: 2023-01-20, trainings: [2026-10-05] }',
    );
    // What was answered is real, so the check has no default to report for it, and no error at all.
    const result = checkProject(root, { asOf: '2026-12-01' });
    expect(result.summary.errors).toBe(0);
    expect(result.diagnostics.filter((d) => d.code === 'TB321' && d.file === 'content/program.yaml')).toEqual([]);
  }, 60_000);

  it('never yields a first build that fails: Enter at the background check and the training keeps the person off staff, in a comment', async () => {
    const flags = ['enter', '--org', 'Enter Co', '--system', 'Enter Cloud', '--scope', 'security'];
    flags.push('--website', 'https://enter.io', '--contact', 'trust@enter.io', '--type', 'II');
    const run = await converse(init(...flags), dir, [
      { question: /Chief Executive Officer: name/, answer: 'Sam Ortiz' },
      { question: /Sam Ortiz's first day/, answer: '2022-05-02' },
      { question: /Sam Ortiz's background check/, answer: '' },
      { question: /Sam Ortiz's last security awareness training/, answer: '' },
      { question: /Security Lead: name/, answer: 'Lee Park' },
      { question: /Lee Park's first day/, answer: '2024-03-04' },
      { question: /Lee Park's background check/, answer: '2024-02-20' },
      { question: /Lee Park's last security awareness training/, answer: '' },
    ]);
    expect(run.unasked).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.transcript).toContain('Sam Ortiz waits in a comment in content/people.yaml');
    const people = readFileSync(join(dir, 'enter/content/people.yaml'), 'utf8');
    expect(people).toContain('staff: []');
    expect(people).toContain(
      '# Add once the background check and a security awareness training are on record (the date), and remove the #:\n#  - { id: sam-ortiz, name: "Sam Ortiz", role: ceo, hired: 2022-05-02 }',
    );
    expect(people).toContain('# Add once a security awareness training is on record');
    const result = checkProject(join(dir, 'enter'), { asOf: '2026-12-01' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }, 60_000);

  it('asks only what the flags leave open', async () => {
    const flags = ['acme', '--org', 'Acme', '--system', 'Acme Cloud', '--scope', 'security'];
    flags.push('--website', 'https://acme.io', '--contact', 'trust@acme.io', '--type', 'I');
    const run = await converse(init(...flags), dir, [
      { question: /Chief Executive Officer: name/, answer: '' },
      { question: /Security Lead: name/, answer: '' },
    ]);
    expect(run.unasked).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.transcript).not.toMatch(
      /Organization|Public website|Security contact|In scope\?|Report type|Audit firm/,
    );
    const program = readFileSync(join(dir, 'acme/content/program.yaml'), 'utf8');
    expect(program).toContain('system: "Acme Cloud"');
    expect(program).toContain('contact: trust@acme.io');
    expect(program).toMatch(/type: I\n {2}date: 2027-03-01/);
  }, 60_000);

  it('asks nothing with --yes, and takes the defaults', async () => {
    const run = await converse(init('quiet', '--yes'), dir, []);
    expect(run.code).toBe(0);
    expect(run.transcript).not.toContain('?');
    expect(readFileSync(join(dir, 'quiet/content/program.yaml'), 'utf8')).toContain('organization: "Quiet"');
  }, 60_000);

  it('writes nothing when the input ends before the last answer', async () => {
    const run = await converse(init('stopped'), dir, [
      { question: /Organization/, answer: 'Stopped Co' },
      { question: /system the SOC 2 report describes/, answer: '\u0004' },
    ]);
    expect(run.code).toBe(2);
    expect(run.transcript).toContain('nothing was written');
    expect(existsSync(join(dir, 'stopped'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('never overwrites: a folder that holds a program is refused before any question', async () => {
    await converse(init('twice', '--yes'), dir, []);
    const before = readFileSync(join(dir, 'twice/content/program.yaml'), 'utf8');
    const run = await converse(init('twice'), dir, [{ question: /Organization/, answer: 'Other' }]);
    expect(run.code).toBe(2);
    expect(run.transcript).toContain('already holds a program');
    expect(run.transcript).not.toContain('Organization');
    expect(readFileSync(join(dir, 'twice/content/program.yaml'), 'utf8')).toBe(before);
  }, 60_000);
});

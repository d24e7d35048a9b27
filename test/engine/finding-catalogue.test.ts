/**
 * The catalogue of finding codes (src/engine/findings/catalogue.ts): one entry per code, codes that are
 * permanent, and the tables of what a code does read off the entries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ruleCodes } from '../../src/engine/checklist-state.ts';
import { evidenceCodes } from '../../src/engine/facts.ts';
import { catalogue, type FindingData, type LiveCodes } from '../../src/engine/findings/catalogue.ts';
import type { WrittenCode } from '../../src/engine/findings/finding.ts';
import type { DiagnosticCode } from '../../src/engine/diagnostics.ts';
import { checkProject } from '../../src/engine/index.ts';
import { stepCodes } from '../../src/engine/todo.ts';
import { addMonths } from '../../src/engine/dates.ts';
import { check, edit, validProgram, type Files } from '../helpers/program.ts';

const repository = resolve(import.meta.dirname, '../..');
const entries = Object.entries(catalogue) as [string, FindingData][];

/** `code title` of every code ever issued, from the checked-in list. */
function issued(): Map<string, string> {
  const text = readFileSync(join(import.meta.dirname, 'issued-codes.txt'), 'utf8');
  const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  return new Map(lines.map((line) => [line.slice(0, 5), line.slice(6)]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.(ts|astro)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('the finding catalogue', () => {
  it('has one entry per code, each `TB` and three digits, in numeric order', () => {
    const keys = entries.map(([code]) => code);
    for (const code of keys) expect(code).toMatch(/^TB\d{3}$/);
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps every code ever issued, with the title it was issued with, and issues none it does not list', () => {
    const list = issued();
    const missing = [...list.keys()].filter((code) => !(code in catalogue));
    expect(missing, 'a code was removed: retire it instead (`retired:`), never delete it').toEqual([]);
    const retitled = [...list].filter(([code, title]) => catalogue[code as keyof typeof catalogue].title !== title);
    expect(
      retitled,
      'a title changed: if only the wording did, change it in test/engine/issued-codes.txt too; if the meaning did, retire the code and issue a new one',
    ).toEqual([]);
    const unlisted = entries.map(([code]) => code).filter((code) => !list.has(code));
    expect(unlisted, 'a new code: append it to test/engine/issued-codes.txt').toEqual([]);
  });

  it('leaves retired codes out of the codes a rule may raise, and no source names one', () => {
    expectTypeOf<
      LiveCodes<{ TB001: { title: 'old'; retired: { since: '2026-12-07'; why: 'merged' } }; TB002: { title: 'new' } }>
    >().toEqualTypeOf<'TB002'>();
    const retired = entries.filter(([, data]) => data.retired).map(([code]) => code);
    const catalogueFile = join(repository, 'src/engine/findings/catalogue.ts');
    const naming = sourceFiles(join(repository, 'src')).filter(
      (file) => file !== catalogueFile && retired.some((code) => readFileSync(file, 'utf8').includes(`'${code}'`)),
    );
    expect(naming).toEqual([]);
  });

  it('gives every code a step, a fails-control flag and reference text, none of them left blank', () => {
    for (const [code, data] of entries) {
      expect(data.step === null || typeof data.step === 'string', code).toBe(true);
      expect(typeof data.failsControl, code).toBe('boolean');
      expect(data.title.length, code).toBeGreaterThan(0);
      expect(data.meaning.length, code).toBeGreaterThan(0);
      expect(data.fix.length, code).toBeGreaterThan(0);
    }
  });
});

describe('the words of a finding, in its entry', () => {
  it('every code that may be raised has its message and hint in its entry, so every raise goes through finding()', () => {
    expectTypeOf<WrittenCode>().toEqualTypeOf<DiagnosticCode>();
    const unwritten = entries.filter(
      ([, data]) =>
        !data.retired &&
        (typeof data.message !== 'function' || (typeof data.hint !== 'string' && typeof data.hint !== 'function')),
    );
    expect(unwritten.map(([code]) => code)).toEqual([]);
  });
});

describe('what a code does, read off its entry', () => {
  it('a code keeps open the to-do step its entry names, and a code in no step keeps none open', () => {
    for (const [code, data] of entries) {
      const steps = Object.entries(stepCodes)
        .filter(([, codes]) => (codes as readonly string[]).includes(code))
        .map(([step]) => step);
      expect(steps, code).toEqual(data.step === null || data.step === 'document' ? [] : [data.step]);
    }
  });

  it('a code makes a control failing, or unticks a checklist rule, exactly when its entry says so', () => {
    for (const [code, data] of entries) {
      expect(evidenceCodes.has(code as never), code).toBe(data.failsControl);
      const rules = Object.entries(ruleCodes)
        .filter(([, codes]) => (codes as readonly string[]).includes(code))
        .map(([rule]) => rule);
      expect(rules, code).toEqual(data.checklistRule ? [data.checklistRule] : []);
    }
  });

  const withAttestation = (end: string): Files => ({
    ...validProgram(),
    'content/trust/attestations/soc2-2025.yaml': `framework: soc2\nreport_type: II\nperiod: { start: ${addMonths(end, -6)}, end: ${end} }\nauditor: Test CPA\nissued: ${end}\ndocument: soc2-report-2025\nbridge_letters: [{ document: soc2-report-2025, through: ${addMonths(end, 3)} }]\n`,
    'content/trust/documents/soc2-report-2025.yaml':
      'title: SOC 2 Type II report 2025\nfile: reports/soc2-2025.pdf\naccess: nda\n',
  });
  const audit = (files: Files) =>
    check(files)
      .facts.todo()
      .find((step) => step.id === 'audit')!;

  it('a lapsed attestation (TB530) keeps the audit step open from the day after its 12 months', () => {
    // Evaluated 2026-07-15: a report whose period ended 2025-07-14 lapsed the day before; one that ended
    // 2025-07-15 lapses that very day, and is not lapsed yet.
    expect(audit(withAttestation('2025-07-14')).left).toContainEqual(
      expect.objectContaining({ code: 'TB530', severity: 'error' }),
    );
    expect(audit(withAttestation('2025-07-15')).left).not.toContainEqual(
      expect.objectContaining({ code: 'TB530', severity: 'error' }),
    );
  });

  it('a finding about a staff member’s record (TB805) keeps the training step open', () => {
    const files = edit(
      validProgram(),
      'content/people.yaml',
      'trainings: [2025-02-01, 2026-02-01] }',
      'trainings: [2025-02-01, 2026-02-01], left: 2023-12-01 }',
    );
    const training = check(files)
      .facts.todo()
      .find((step) => step.id === 'training')!;
    expect(training.left).toContainEqual(expect.objectContaining({ code: 'TB805', files: ['content/people.yaml'] }));
  });

  it('on the sample program, controls that did not operate effectively (TB609) keep the controls step open', () => {
    const controls = checkProject(repository)
      .facts.todo()
      .find((step) => step.id === 'controls')!;
    expect(controls.left).toContainEqual(expect.objectContaining({ code: 'TB609', severity: 'warning', count: 3 }));
  });
});

/** The answer library: citations that exist and that the answer's audience may see, and its export. */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answersCsv, answersXlsx } from '../../src/export/answers.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const withAnswer = (yaml: string, files: Files = validProgram()): Files => ({
  ...files,
  'content/answers/mfa.yaml': yaml,
});

const answer = (cites: string, audience = '[public, employees, auditors]') =>
  `question: "Do you require MFA?"\nanswer: "Yes, for every account."\nshort: "yes"\ncategory: Access control\ncites:\n${cites}\naudience: ${audience}\n`;

/** The helper program with information-security public and BASE-01 published on the trust center. */
const published = edit(
  edit(
    validProgram(),
    'policies/information-security.mdx',
    'owner: security-lead',
    'owner: security-lead\naudience: [public, employees, auditors]',
  ),
  'content/controls/BASE-01.mdx',
  'frequency: quarterly',
  'frequency: quarterly\npublic_summary: "A baseline program runs every quarter."',
);

describe('the answers rule', () => {
  it('accepts a public answer citing a public policy section and a published practice', () => {
    const result = check(
      withAnswer(answer('  policies: [information-security#purpose]\n  controls: [BASE-01]'), published),
    );
    expect(result.diagnostics.filter((d) => d.file === 'content/answers/mfa.yaml')).toEqual([]);
  });

  it('refuses what does not exist: a policy, a section, a control, a trust document (TB212), each with its line', () => {
    const result = check(
      withAnswer(
        answer('  policies: [nope, information-security#no-such-heading]\n  controls: [XX-01]\n  documents: [ghost]'),
        published,
      ),
    );
    expect(findings(result, 'TB212').map((d) => [d.line, d.message])).toEqual([
      [6, 'cites the policy "nope", which does not exist'],
      [6, 'cites the section "no-such-heading" of information-security, which has no such heading'],
      [7, 'cites the control "XX-01", which does not exist'],
      [8, 'cites the trust document "ghost", which does not exist'],
    ]);
  });

  it('refuses a public answer citing a policy or control the trust center does not show (TB213)', () => {
    const result = check(withAnswer(answer('  policies: [data-retention]\n  controls: [BASE-01]')));
    expect(findings(result, 'TB213').map((d) => d.message)).toEqual([
      'is public but cites data-retention, a policy the trust center does not publish',
      'is public but cites BASE-01, a control the trust center does not describe (it has no `public_summary`)',
    ]);
    const internal = check(
      withAnswer(answer('  policies: [data-retention]\n  controls: [BASE-01]', '[employees, auditors]')),
    );
    expect(findings(internal, 'TB213')).toEqual([]);
  });

  it('refuses any answer resting on a control that is not in operation', () => {
    const files = edit(
      withAnswer(answer('  controls: [BASE-01]', '[auditors]')),
      'content/controls/BASE-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\nstatus: planned',
    );
    expect(findings(check(files), 'TB213').map((d) => d.message)).toEqual([
      'cites BASE-01, which is not in operation (planned): an answer cannot rest on it',
    ]);
  });
});

describe('the answers export', () => {
  let result: ReturnType<typeof check>;
  beforeEach(() => {
    result = check(withAnswer(answer('  policies: [information-security#purpose]\n  controls: [BASE-01]'), published));
  });

  it('writes a questionnaire layout as CSV, citations named as a reader knows them', () => {
    const rows = parseCsv(answersCsv(result));
    expect(rows).toEqual([
      ['id', 'category', 'question', 'answer', 'yes/no', 'citations'],
      [
        'mfa',
        'Access control',
        'Do you require MFA?',
        'Yes, for every account.',
        'yes',
        'information-security policy, Purpose; Baseline security program',
      ],
    ]);
  });

  it('writes the same rows to an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await answersXlsx(result)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Answers')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'id', 'category', 'question', 'answer', 'yes/no', 'citations']);
    expect(sheet.getRow(2).getCell(3).value).toBe('Do you require MFA?');
    expect(sheet.rowCount).toBe(2);
  });

  it('writes the same XLSX bytes whatever the clock says, dated by the evaluation date', async () => {
    // The workbook library dates the file and each zip entry by the clock; the export pins both.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-03-04T05:06:07Z'));
      const first = await answersXlsx(result);
      vi.setSystemTime(new Date('2032-08-09T10:11:12Z'));
      const second = await answersXlsx(result);
      expect(Buffer.compare(first, second)).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(first as unknown as ArrayBuffer);
      expect(workbook.created.toISOString()).toBe(`${result.summary.asOf}T00:00:00.000Z`);
      expect(workbook.modified.toISOString()).toBe(`${result.summary.asOf}T00:00:00.000Z`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes an answer that looks like a formula as a plain string: no formula, no visible prefix', async () => {
    const risky = check(
      withAnswer(
        answer('  policies: [information-security#purpose]').replace(
          'answer: "Yes, for every account."',
          'answer: "=HYPERLINK(\\"https://evil.test.example\\", \\"Yes\\")"',
        ),
        published,
      ),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await answersXlsx(risky)) as unknown as ArrayBuffer);
    const cell = workbook.getWorksheet('Answers')!.getRow(2).getCell(4);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("https://evil.test.example", "Yes")');
    expect(parseCsv(answersCsv(risky))[1]![3]).toBe('\'=HYPERLINK("https://evil.test.example", "Yes")');
  });
});

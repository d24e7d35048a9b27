import { describe, expect, it } from 'vitest';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const POLICY = 'policies/information-security.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

describe('schema rule', () => {
  it('reports an unknown key on its line, with the field it was probably meant to be', () => {
    const result = check(
      edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-03-01\nreveiw_months: 6'),
    );
    expect(findings(result, 'TB102')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: POLICY,
        line: 9,
        hint: expect.stringContaining('`review_months`'),
      }),
    ]);
  });

  it('reports unknown keys inside nested objects too', () => {
    const result = check(edit(validProgram(), EVIDENCE, 'period: 2026-Q1,', 'period: 2026-Q1, colected: 2026-01-01,'));
    expect(findings(result, 'TB102')[0]).toMatchObject({ file: EVIDENCE, line: 8 });
  });

  it('reports an impossible date as an invalid date on its line', () => {
    const result = check(edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: 2026-02-30'));
    expect(findings(result, 'TB103')).toEqual([
      expect.objectContaining({ file: POLICY, line: 7, message: expect.stringContaining('2026-02-30') }),
    ]);
  });

  it('reports a missing required field', () => {
    const result = check(edit(validProgram(), POLICY, 'owner: security-lead\n', ''));
    expect(findings(result, 'TB101')).toEqual([
      expect.objectContaining({ file: POLICY, message: expect.stringContaining('`owner`') }),
    ]);
  });

  it('reports a wrong type on its line', () => {
    const result = check(
      edit(validProgram(), 'content/controls/BASE-01.mdx', 'frequency: quarterly', 'frequency: [quarterly]'),
    );
    expect(findings(result, 'TB104')).toEqual([expect.objectContaining({ line: 8 })]);
  });

  it('refuses locations that are not http(s)', () => {
    const result = check(edit(validProgram(), EVIDENCE, '"https://docs.test.example/q1.pdf"', '"javascript:alert(1)"'));
    expect(findings(result, 'TB104')).toEqual([
      expect.objectContaining({ file: EVIDENCE, line: 8, message: expect.stringContaining('http') }),
    ]);
  });

  it('reports malformed YAML with the file and line, and nothing else about that file', () => {
    const result = check(edit(validProgram(), POLICY, 'version: "1.0"', 'version: "1.0\nowner: [x'));
    expect(findings(result, 'TB001')[0]).toMatchObject({ file: POLICY });
    expect(result.diagnostics.filter((d) => d.file === POLICY).every((d) => d.code === 'TB001')).toBe(true);
  });

  it('reports a broken program file', () => {
    const result = check(edit(validProgram(), 'content/program.yaml', 'type: II', 'type: III'));
    expect(findings(result, 'TB104')).toEqual([expect.objectContaining({ file: 'content/program.yaml', line: 7 })]);
  });

  it('requires security in scope', () => {
    const result = check(edit(validProgram(), 'content/program.yaml', 'scope: [security]', 'scope: [availability]'));
    expect(findings(result, 'TB104')[0]).toMatchObject({ file: 'content/program.yaml', line: 5 });
  });

  it('reports a file that is not UTF-8', async () => {
    const { buildModel } = await import('../../src/engine/index.ts');
    const { diagnostics } = buildModel([{ path: POLICY, invalidUtf8Line: 3 }]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'TB003', file: POLICY, line: 3 })]);
  });
});

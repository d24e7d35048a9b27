import { describe, expect, it } from 'vitest';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const file = 'policies/acceptable-use.mdx';
const withOverrides = (entries: string) => edit(validProgram(), file, /^owner:/m, `overrides:\n${entries}owner:`);

describe('overrides in a client document', () => {
  it('are accepted with a reason, an approver and a date', () => {
    const result = check(
      withOverrides(
        '  - field: review_months\n    reason: twice a year for a customer\n    approved_by: ceo\n    approved: 2026-01-05\n' +
          '  - section: purpose\n    reason: our own wording\n    approved_by: ceo\n    approved: 2026-01-05\n',
      ),
    );
    expect(result.diagnostics.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('without a reason are a schema error on that file and line', () => {
    const result = check(withOverrides('  - field: review_months\n    approved_by: ceo\n    approved: 2026-01-05\n'));
    const errors = result.diagnostics.filter((finding) => finding.file === file && finding.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBeGreaterThan(1);
    expect(findings(result, errors[0]!.code)).toHaveLength(1);
    expect(errors[0]!.message).toContain('overrides.0.reason');
  });

  it('name a field or a section, not both', () => {
    const result = check(
      withOverrides(
        '  - field: review_months\n    section: purpose\n    reason: r\n    approved_by: ceo\n    approved: 2026-01-05\n',
      ),
    );
    const errors = result.diagnostics.filter((finding) => finding.file === file && finding.severity === 'error');
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('either a `field` or a `section`')]);
  });
});

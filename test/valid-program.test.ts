import { describe, expect, it } from 'vitest';
import { check, validProgram } from './helpers/program.ts';

describe('the in-memory test program', () => {
  it('is clean, so each other test sees only the defect it plants', () => {
    const result = check(validProgram());
    expect(result.diagnostics).toEqual([]);
    expect(result.summary.coverage).toEqual([
      { category: 'security', label: 'Security (common criteria)', covered: 33, total: 33 },
    ]);
  });
});

/** One count of "controls operating" per category, read by the trust center and the auditor site alike. */
import { describe, expect, it } from 'vitest';
import { readinessReport } from '../../src/report/readiness.ts';
import { publicView } from '../../src/site/views.ts';
import { check, edit, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';

/** The helper program with availability in scope, addressed by the baseline control and one of its own. */
function twoCategories(): Files {
  let files = edit(validProgram(), 'content/program.yaml', 'scope: [security]', 'scope: [security, availability]');
  files = edit(files, 'content/program.yaml', 'as_of: 2026-07-15', 'as_of: 2026-07-15\ntrust_center_status: true');
  files = edit(files, CONTROL, /criteria: \[(.*)\]/, 'criteria: [$1, A1.1]');
  files['content/controls/AVL-01.mdx'] = `---
id: AVL-01
title: Capacity planning
criteria: [A1.2, A1.3]
policies: [information-security]
owner: security-lead
frequency: quarterly
---

Capacity is reviewed every quarter.
`;
  return files;
}

describe('controls operating, by category', () => {
  it('counts a control in every category it addresses, and only those in operation that operate', () => {
    const result = check(twoCategories());
    // AVL-01 has no evidence: in operation, not operating.
    expect(result.facts.operationByCategory()).toEqual([
      { category: 'security', total: 1, operating: 1 },
      { category: 'availability', total: 2, operating: 1 },
    ]);
  });

  it('leaves out a control not in operation on the evaluation date', () => {
    const files = edit(
      twoCategories(),
      'content/controls/AVL-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\nstatus: planned',
    );
    expect(check(files).facts.operationByCategory()).toContainEqual({
      category: 'availability',
      total: 1,
      operating: 1,
    });
  });

  it('is the same number on the trust center and on the auditor site', () => {
    const result = check(twoCategories());
    const publicCounts = publicView(result).statusByCategory!.map(({ category, operating, total }) => [
      category,
      operating,
      total,
    ]);
    const auditorCounts = readinessReport(result).categories.map(({ category, operating, controls }) => [
      category,
      operating,
      controls,
    ]);
    expect(publicCounts).toEqual(auditorCounts);
    expect(publicCounts).toEqual([
      ['security', 1, 1],
      ['availability', 1, 2],
    ]);
  });

  it('counts each control once overall, so the overall figure is not the categories added up', () => {
    const result = check(twoCategories());
    // BASE-01 addresses both categories: 1 + 2 controls by category, but two controls.
    expect(result.facts.controlOperation()).toEqual({ total: 2, operating: 1 });
    expect(publicView(result).operationOverall).toEqual({ total: 2, operating: 1 });
  });

  it('leaves a control not in operation out of the overall figure too', () => {
    const files = edit(
      twoCategories(),
      'content/controls/AVL-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\nstatus: planned',
    );
    expect(check(files).facts.controlOperation()).toEqual({ total: 1, operating: 1 });
  });

  it('is not shown on the trust center unless the program opts in to its status', () => {
    const files = edit(twoCategories(), 'content/program.yaml', 'trust_center_status: true\n', '');
    expect(publicView(check(files)).operationOverall).toBeUndefined();
  });
});

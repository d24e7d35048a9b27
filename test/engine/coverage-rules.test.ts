import { describe, expect, it } from 'vitest';
import { check, edit, findings, validProgram, without } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';

describe('coverage rule', () => {
  it('reports each in-scope criterion without an implemented control', () => {
    const result = check(edit(validProgram(), CONTROL, 'CC6.4, ', ''));
    expect(findings(result, 'TB301')).toEqual([
      expect.objectContaining({ file: 'content/program.yaml', message: expect.stringMatching(/^CC6\.4 /) }),
    ]);
    expect(result.summary.coverage[0]).toMatchObject({ covered: 32, total: 33 });
  });

  it('accepts an excluded criterion with its reason', () => {
    let files = edit(validProgram(), CONTROL, 'CC6.4, ', '');
    files = edit(
      files,
      'content/program.yaml',
      'scope: [security]',
      'scope: [security]\nexcluded_criteria:\n  - { id: CC6.4, reason: fully remote, no facilities }',
    );
    expect(findings(check(files), 'TB301')).toEqual([]);
  });

  it('counts only implemented controls', () => {
    const result = check(
      edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nstatus: planned'),
    );
    expect(findings(result, 'TB301')).toHaveLength(33);
  });

  it('requires the criteria of every category in scope', () => {
    const result = check(
      edit(validProgram(), 'content/program.yaml', 'scope: [security]', 'scope: [security, availability]'),
    );
    expect(findings(result, 'TB301').map((d) => d.message.split(' ')[0])).toEqual(['A1.1', 'A1.2', 'A1.3']);
  });
});

describe('required documents rule', () => {
  it('reports each required policy kind that no policy has', () => {
    const result = check(without(validProgram(), 'policies/incident-response.mdx'));
    expect(findings(result, 'TB302')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('incident-response') }),
    ]);
  });

  it('accepts a risk register in place of a risk assessment policy', () => {
    const files = edit(validProgram(), 'policies/risk-management.mdx', 'kind: risk-assessment\n', '');
    expect(findings(check(files), 'TB303')).toHaveLength(1);
    const withRisk = {
      ...files,
      'content/risks/R-01.mdx':
        '---\nid: R-01\ntitle: Outage\nowner: ceo\nlikelihood: 2\nimpact: 4\ntreatment: mitigate\ncontrols: [BASE-01]\nresidual: low\nreviewed: 2026-05-01\n---\n',
    };
    expect(findings(check(withRisk), 'TB303')).toEqual([]);
  });

  it('requires a system description with a section for each DC criterion', () => {
    expect(findings(check(without(validProgram(), 'content/system-description.mdx')), 'TB304')).toHaveLength(1);
    const result = check(edit(validProgram(), 'content/system-description.mdx', '## DC7 Section', '## Subservice'));
    expect(findings(result, 'TB305')).toEqual([expect.objectContaining({ message: expect.stringContaining('DC7') })]);
  });

  it('reads the sections from the body tree: a formatted `##` heading counts, a `###` or code does not', () => {
    const withHeading = (heading: string) =>
      findings(check(edit(validProgram(), 'content/system-description.mdx', '## DC7 Section', heading)), 'TB305');
    expect(withHeading('## **DC7** Subservice organizations')).toEqual([]);
    expect(withHeading('### DC7 Section')).toHaveLength(1);
    expect(withHeading('`## DC7 Section`')).toHaveLength(1);
  });
});

describe('missing evidence rule', () => {
  it('reports an implemented control with no evidence series', () => {
    const result = check(without(validProgram(), 'evidence-index/EV-BASE-01.mdx'));
    expect(findings(result, 'TB401')).toEqual([expect.objectContaining({ severity: 'error', file: CONTROL, line: 2 })]);
  });

  it('does not ask planned controls for evidence', () => {
    let files = without(validProgram(), 'evidence-index/EV-BASE-01.mdx');
    files = edit(files, CONTROL, 'frequency: quarterly', 'frequency: quarterly\nstatus: planned');
    expect(findings(check(files), 'TB401')).toEqual([]);
  });

  it('reports a series with no artifact', () => {
    const files = edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', /artifacts:\n(.*\n){2}/, 'artifacts: []\n');
    expect(findings(check(files), 'TB402')).toEqual([expect.objectContaining({ line: 7, severity: 'error' })]);
  });

  it('turns missing evidence into warnings in readiness mode before the window opens, and only that', () => {
    let files = edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', /artifacts:\n(.*\n){2}/, 'artifacts: []\n');
    files = edit(files, 'content/program.yaml', 'warn_within_days: 30', 'warn_within_days: 30\nreadiness: true');
    files = edit(
      files,
      'content/program.yaml',
      '{ start: 2026-01-01, end: 2026-06-30 }',
      '{ start: 2026-08-01, end: 2027-01-31 }',
    );
    files = edit(files, 'policies/acceptable-use.mdx', 'approved: 2026-03-01', 'approved: 2025-03-01');
    const result = check(files);
    expect(findings(result, 'TB402')).toEqual([expect.objectContaining({ severity: 'warning', deferred: true })]);
    expect(findings(result, 'TB501')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(findings(result, 'TB801')).toEqual([]);
    expect(result.summary.readiness).toBe(true);
  });

  it('softens nothing once the audit window has opened, and says so', () => {
    let files = edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', /artifacts:\n(.*\n){2}/, 'artifacts: []\n');
    files = edit(files, 'content/program.yaml', 'warn_within_days: 30', 'warn_within_days: 30\nreadiness: true');
    for (const asOf of ['2026-03-15', '2026-07-15']) {
      const result = check(files, { asOf });
      expect(findings(result, 'TB402')).toEqual([expect.objectContaining({ severity: 'error' })]);
      expect(findings(result, 'TB801')).toEqual([expect.objectContaining({ severity: 'warning', line: 12 })]);
      expect(result.summary.readiness).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { seriesTimeline } from '../../src/engine/evidence-timeline.ts';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const WINDOW = { start: '2026-01-01', end: '2026-06-30' };

/** The test control and its series made annual, with one artifact performed in the window claiming `period`. */
const annual = (period?: string) =>
  edit(
    // Evaluated after the annual occurrence's grace days (30) have passed.
    edit(
      edit(validProgram(), 'content/program.yaml', 'as_of: 2026-07-15', 'as_of: 2026-08-15'),
      CONTROL,
      'frequency: quarterly',
      'frequency: annual',
    ),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: annual\nartifacts:\n  - { collected: 2026-03-02${period ? `, period: ${period}` : ''}, location: "https://docs.test.example/pentest.pdf" }\n`,
  );

const cell = (period?: string) => {
  const result = check(annual(period));
  return seriesTimeline(result.model, result.model.evidence[0]!, WINDOW, '2026-08-15')[0]!;
};

describe('an annual artifact honours its period', () => {
  it('evidences the window for the year it names, or the year it was performed in', () => {
    expect(cell('2026').state).toBe('present');
    expect(cell().state).toBe('present');
    expect(findings(check(annual('2026')), 'TB601')).toEqual([]);
  });

  it('does not evidence the window with a 2024 report filed in it', () => {
    expect(cell('2024')).toMatchObject({ state: 'missing', artifacts: [] });
    expect(findings(check(annual('2024')), 'TB601')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: EVIDENCE,
        message:
          'EV-BASE-01 has no artifact performed inside the audit window 2026-01-01 to 2026-06-30 for a period of it',
      }),
    ]);
  });

  it('counts a period that reaches the window’s first day, and not one that ends the day before', () => {
    expect(cell('{ start: 2025-01-01, end: 2026-01-01 }').state).toBe('present');
    expect(cell('{ start: 2025-01-01, end: 2025-12-31 }').state).toBe('missing');
    expect(cell('2025').state).toBe('missing');
  });

  it('counts a period that starts on the window’s last day, performed inside it', () => {
    const files = edit(
      annual('{ start: 2026-06-30, end: 2027-06-29 }'),
      EVIDENCE,
      'collected: 2026-03-02',
      'collected: 2026-07-01, performed: 2026-06-30',
    );
    const result = check(files);
    expect(seriesTimeline(result.model, result.model.evidence[0]!, WINDOW, '2026-08-15')[0]!.state).toBe('present');
  });
});

import { describe, expect, it } from 'vitest';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

/** The test control with `fields` added after its frequency (line 9 on). */
const withDates = (fields: string) =>
  edit(validProgram(), CONTROL, 'frequency: quarterly', `frequency: quarterly\n${fields}`);

describe('artifacts outside implemented and retired', () => {
  it('accepts artifacts from the day the control was implemented', () => {
    expect(findings(check(withDates('implemented: 2026-04-05')), 'TB621')).toEqual([]);
  });

  it('reports an artifact performed the day before implemented, at its date', () => {
    expect(findings(check(withDates('implemented: 2026-04-06')), 'TB621')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: EVIDENCE,
        line: 8,
        subject: { kind: 'evidence', id: 'EV-BASE-01', artifact: 0 },
        message: 'EV-BASE-01 has an artifact of BASE-01 running before it was implemented (2026-04-06): 2026-04-05',
      }),
    ]);
  });

  it('accepts the last occurrence recorded within the grace days after retirement, naming its period', () => {
    // Retired at the end of Q2; the Q2 review is recorded 3 days later (quarterly grace: 30 days).
    expect(findings(check(withDates('retired: 2026-06-30')), 'TB621')).toEqual([]);
  });

  it('reports an artifact claiming a period after retirement, and one performed past the grace days', () => {
    const claimsLater = edit(
      withDates('retired: 2026-06-30'),
      EVIDENCE,
      'collected: 2026-07-03, period: 2026-Q2',
      'collected: 2026-07-03',
    );
    expect(findings(check(claimsLater), 'TB621')).toEqual([
      expect.objectContaining({
        line: 9,
        message: expect.stringContaining('running after it was retired (2026-06-30): 2026-07-03'),
      }),
    ]);
    const late = withDates('retired: 2026-06-02');
    expect(findings(check(late), 'TB621')).toEqual([expect.objectContaining({ line: 9 })]);
    const onTheLastGraceDay = withDates('retired: 2026-06-03');
    expect(findings(check(onTheLastGraceDay), 'TB621')).toEqual([]);
  });

  it('gives one finding for every artifact before implemented, listing their dates', () => {
    const result = check(withDates('implemented: 2026-07-10'));
    expect(findings(result, 'TB621')).toEqual([
      expect.objectContaining({
        line: 8,
        message: expect.stringContaining(
          '2 artifacts of BASE-01 running before it was implemented (2026-07-10): 2026-04-05, 2026-07-03',
        ),
      }),
    ]);
  });

  it('makes the control failing: its records contradict its dates', () => {
    const result = check(withDates('implemented: 2026-04-06'));
    expect(result.facts.controlStatus(result.model.controls[0]!)).toBe('failing');
  });
});

describe('a control retired before it was implemented', () => {
  it('is left to TB808, without a finding for every artifact', () => {
    const result = check(withDates('implemented: 2026-05-01\nretired: 2026-02-01'));
    expect(findings(result, 'TB808')).toHaveLength(1);
    expect(findings(result, 'TB621')).toEqual([]);
  });
});

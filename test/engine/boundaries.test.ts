/**
 * Boundaries held by one day: each rule below is tested on the day its answer changes and the day before or
 * after, so a refactor that moves a comparison by one (`<` for `<=`) fails here. The issue that asked for
 * these found each boundary unpinned by a mutation of the code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/index.ts';
import { collectionGraceDays, evidenceTimeline } from '../../src/engine/evidence-timeline.ts';
import { evidenceCodes } from '../../src/engine/facts.ts';
import { withFacts } from '../../src/engine/check.ts';
import { firstUncoveredDay } from '../../src/engine/rules/populations.ts';
import { periodContaining, type PeriodUnit } from '../../src/engine/periods.ts';
import type { EvidenceData } from '../../src/schema/index.ts';
import { fullProgram } from '../hardening/corpus.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

/** A series of one frequency with the given artifacts, as the schema would give it. */
const series = (frequency: EvidenceData['frequency'], artifacts: EvidenceData['artifacts']): EvidenceData =>
  ({
    id: 'EV',
    title: 'EV',
    controls: ['C'],
    owner: 'o',
    frequency,
    artifacts,
    exceptions: [],
    population: [],
  }) as never;

describe('grace days: a period is on time through its grace days and late the day after', () => {
  const units: [EvidenceData['frequency'], PeriodUnit, string][] = [
    ['daily', 'day', '2026-03-10'],
    ['weekly', 'week', '2026-03-10'],
    ['monthly', 'month', '2026-03-10'],
    ['quarterly', 'quarter', '2026-03-10'],
    ['semiannual', 'half', '2026-03-10'],
  ];
  for (const [frequency, unit, day] of units) {
    it(`${frequency}: ${collectionGraceDays[unit]} days`, () => {
      const period = periodContaining(unit, day);
      const window = { start: period.start, end: period.end };
      const grace = collectionGraceDays[unit];
      const cell = (performed: string, asOf: string) =>
        evidenceTimeline(
          series(frequency, [
            { collected: performed, performed, period: { start: period.start, end: period.end } } as never,
          ]),
          window,
          asOf,
        )[0]!;
      const empty = (asOf: string) => evidenceTimeline(series(frequency, []), window, asOf)[0]!.state;
      const lastDay = addDays(period.end, grace);
      expect(cell(lastDay, '2027-12-31').state).toBe('present');
      expect(cell(addDays(lastDay, 1), '2027-12-31').state).toBe('late');
      expect(empty(lastDay)).toBe('not-yet-due');
      expect(empty(addDays(lastDay, 1))).toBe('missing');
    });
  }

  it('states the grace days the docs promise', () => {
    expect(collectionGraceDays).toEqual({ day: 1, week: 3, month: 10, quarter: 30, half: 30, year: 30 });
  });
});

describe('a control implemented in the middle of a period owes that period', () => {
  const window = { start: '2026-01-01', end: '2026-06-30' };
  const states = (from: string) =>
    evidenceTimeline(series('monthly', []), window, '2026-12-31', { from }).map((cell) => cell.state);

  it('owes March when implemented on any day of March, and not when implemented on April 1st', () => {
    expect(states('2026-03-15')[2]).toBe('missing');
    expect(states('2026-03-31')[2]).toBe('missing');
    expect(states('2026-04-01')[2]).toBe('not-required');
    expect(states('2026-03-01')[1]).toBe('not-required');
  });

  it('holds for any day of implementation: every period ending on or after it is owed, none before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 180 }), (offset) => {
        const from = addDays('2026-01-01', offset);
        const cells = evidenceTimeline(series('monthly', []), window, '2026-12-31', { from });
        return cells.every((cell) => (cell.state === 'not-required') === cell.period.end < from);
      }),
    );
  });
});

describe('population periods', () => {
  const range = { label: 'w', start: '2026-01-01', end: '2026-06-30' };
  const period = (start: string, end: string) => ({ label: `${start}..${end}`, start, end });

  it('leave no gap when one ends the day before the next begins, and a one-day gap otherwise', () => {
    expect(firstUncoveredDay(range, [period('2026-01-01', '2026-03-31'), period('2026-04-01', '2026-06-30')])).toBe(
      undefined,
    );
    expect(firstUncoveredDay(range, [period('2026-01-01', '2026-03-31'), period('2026-04-02', '2026-06-30')])).toBe(
      '2026-04-01',
    );
    expect(firstUncoveredDay(range, [period('2026-01-02', '2026-06-30')])).toBe('2026-01-01');
    expect(firstUncoveredDay(range, [period('2026-01-01', '2026-06-29')])).toBe('2026-06-30');
  });

  it('find the first day nobody covers, for any split of the window with or without a gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 179 }), fc.integer({ min: 0, max: 3 }), (split, gap) => {
        const firstEnd = addDays(range.start, split - 1);
        const secondStart = addDays(firstEnd, 1 + gap);
        const found = firstUncoveredDay(range, [period(secondStart, range.end), period(range.start, firstEnd)]);
        return gap === 0 ? found === undefined : found === addDays(firstEnd, 1);
      }),
    );
  });
});

describe('the evaluation date itself', () => {
  it('accepts evidence collected on the evaluation date and refuses it the day after', () => {
    const at = (asOf: string) => findings(check(validProgram(), { asOf }), 'TB602');
    expect(at('2026-07-03')).toEqual([]);
    expect(at('2026-07-02')).toEqual([expect.objectContaining({ file: EVIDENCE, line: 9 })]);
  });

  /** Every kind of date that records something done, with the file and line it is written on. */
  const program = (): Files => {
    let files = fullProgram();
    files = edit(
      files,
      EVIDENCE,
      '{ collected: 2026-04-05, period: 2026-Q1,',
      '{ collected: 2026-04-05, performed: 2026-04-02, period: 2026-Q1,',
    );
    files = edit(
      files,
      EVIDENCE,
      '---\n\nExported',
      'exceptions:\n  - period: 2026-Q2\n    description: "Late."\n    disclosed: 2026-05-10\n    response: "Noted."\n    remediated: 2026-05-20\n---\n\nExported',
    );
    files = {
      ...files,
      'evidence-index/EV-EVENTS.mdx': `---
id: EV-EVENTS
title: Change tickets
controls: [BASE-01]
owner: security-lead
frequency: per-event
artifacts: []
population:
  - { source: Tickets, exported: 2026-06-05, rows: 0, note: "No change in the window." }
---

Exported from the ticket system.
`,
    };
    return files;
  };

  const dated: [string, string, string][] = [
    ['a policy approved', 'policies/information-security.mdx', 'approved: 2026-03-01'],
    ['a vendor reviewed', 'content/vendors/cloudco.yaml', 'reviewed: 2026-03-01'],
    ['a vendor report ending', 'content/vendors/cloudco.yaml', 'period_end: 2026-02-28'],
    ['a risk reviewed', 'content/risks/R-01.mdx', 'reviewed: 2026-03-01'],
    ['an artifact performed', EVIDENCE, 'performed: 2026-04-02'],
    ['an exception disclosed', EVIDENCE, 'disclosed: 2026-05-10'],
    ['an exception remediated', EVIDENCE, 'remediated: 2026-05-20'],
    ['a population exported', 'evidence-index/EV-EVENTS.mdx', 'exported: 2026-06-05'],
    ['the system description reviewed', 'content/system-description.mdx', 'reviewed: 2026-02-01'],
    ["management's assertion signed", 'content/assertion.mdx', 'date: 2026-07-10'],
    ['a background check completed', 'content/people.yaml', 'background_check: 2024-01-02'],
    ['a training completed', 'content/people.yaml', '2026-02-01]'],
  ];

  for (const [what, file, text] of dated) {
    it(`accepts ${what} on the evaluation date, and reports it the day before`, () => {
      const files = program();
      const date = /\d{4}-\d{2}-\d{2}/.exec(text)![0];
      const line = files[file]!.split('\n').findIndex((candidate) => candidate.includes(text)) + 1;
      expect(line).toBeGreaterThan(0);
      // Several dates share a line in a flow map (a staff record): the message names the one meant.
      const future = (asOf: string) =>
        findings(check(files, { asOf }), 'TB802').filter(
          (d) => d.file === file && d.line === line && d.message.includes(`on ${date},`),
        );
      expect(future(date)).toEqual([]);
      expect(future(addDays(date, -1))).toEqual([expect.objectContaining({ message: expect.stringContaining(date) })]);
    });
  }
});

describe('every failing code makes a control failing; a disclosed deviation an exception', () => {
  /** The codes that say a control's evidence does not show it operating, written out so none can go unseen. */
  const failing = [
    'TB401',
    'TB402',
    'TB403',
    'TB404',
    'TB405',
    'TB406',
    'TB410',
    'TB411',
    'TB412',
    'TB413',
    'TB502',
    'TB601',
    'TB602',
    'TB603',
    'TB605',
    'TB608',
    'TB610',
    'TB620',
    'TB621',
    'TB622',
    'TB701',
    'TB702',
    'TB703',
    'TB704',
    'TB901',
    'TB902',
    'TB903',
    'TB905',
  ] as const;

  const statusWith = (code: Diagnostic['code'], severity: Diagnostic['severity'] = 'error') => {
    const result = check(validProgram());
    const finding: Diagnostic = {
      severity,
      code,
      file: EVIDENCE,
      line: 1,
      subject: { kind: 'evidence', id: 'EV-BASE-01' },
      message: 'planted',
      hint: 'planted',
    };
    const planted = withFacts({ ...result, diagnostics: [...result.diagnostics, finding] });
    return planted.facts.controlStatus(planted.model.controls[0]!);
  };

  it('lists exactly the codes the facts treat as failing', () => {
    expect([...evidenceCodes].sort()).toEqual([...failing].sort());
  });

  for (const code of failing) {
    it(`${code} as an error makes the control failing, as a warning it does not`, () => {
      expect(statusWith(code)).toBe('failing');
      expect(statusWith(code, 'warning')).toBe('operating');
    });
  }

  it('TB606 and TB609 make it an exception, and a finding of another kind leaves it operating', () => {
    expect(statusWith('TB606', 'warning')).toBe('exception');
    expect(statusWith('TB609', 'warning')).toBe('exception');
    expect(statusWith('TB503')).toBe('operating');
  });
});

describe('acknowledgements on the first day', () => {
  it('counts a policy acknowledged on the day the person was hired', () => {
    const hired = edit(
      validProgram(),
      'content/people.yaml',
      'staff:\n',
      'staff:\n  - { id: bo, role: ceo, hired: 2026-03-05, background_check: 2026-03-01, trainings: [2026-03-05] }\n',
    );
    const acks = (date: string) => ({
      ...hired,
      'content/acknowledgements/bo.yaml': `acknowledgements:\n  - { person: bo, policy: information-security, version: "1.0", sha256: "${'0'.repeat(64)}", date: ${date} }\n`,
    });
    const tb523 = (date: string) => findings(check(acks(date)), 'TB523');
    expect(tb523('2026-03-05')).toEqual([]);
    expect(tb523('2026-03-04')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('before they were hired') }),
    ]);
  });
});

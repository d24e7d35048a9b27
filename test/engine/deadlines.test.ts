/**
 * Every dated obligation of the program, computed on plain models: when each falls due (month ends and the
 * leap day clamp, staleness counted in days), on which line it is written, and the day it stops or starts
 * counting (a person hired on the evaluation date is staff, one who left that day is not; a vendor removed
 * that day owes nothing more; evidence of a control retired that day is still owed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import {
  deadlines,
  isCurrentStaff,
  isRemovedVendor,
  maxEvidenceAgeDays,
  policyReviewDue,
  trainingDue,
  TRAINING_GRACE_DAYS,
  upcomingDeadlines,
  vendorReviewDue,
  type Deadline,
} from '../../src/engine/deadlines.ts';
import { emptyModel, type ProgramModel } from '../../src/engine/model.ts';
import type { EvidenceData } from '../../src/schema/index.ts';

type Frequency = EvidenceData['frequency'];

/** A document whose keys sit on the lines given (`'artifacts.1.collected': 12`). */
const doc = (kind: string, id: string, file: string, data: unknown, lines: Record<string, number> = {}) => ({
  kind,
  id,
  file,
  data,
  body: '',
  bodyLine: 1,
  keyLines: new Map(Object.entries(lines)),
});

const model = (parts: Partial<Record<keyof ProgramModel, unknown>>): ProgramModel =>
  ({ ...emptyModel(), ...parts }) as ProgramModel;

/** The deadlines as plain values, the line read out. */
const plain = (list: Deadline[]) => list.map((d) => ({ ...d, line: d.line }));

const anyDate = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2035-12-31') }).map(fromDayNumber);

describe('current staff', () => {
  it('counts a person from the day they were hired, and not from the day they left', () => {
    expect(isCurrentStaff({ hired: '2028-02-29' }, '2028-02-29')).toBe(true);
    expect(isCurrentStaff({ hired: '2028-02-29' }, '2028-02-28')).toBe(false);
    expect(isCurrentStaff({ hired: '2020-01-01', left: '2028-02-29' }, '2028-02-28')).toBe(true);
    expect(isCurrentStaff({ hired: '2020-01-01', left: '2028-02-29' }, '2028-02-29')).toBe(false);
  });

  it('holds for any evaluation date: hired on or before it, and not yet gone', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), (asOf, h, l) => {
        const person = { hired: addDays(asOf, h), left: addDays(asOf, l + 5) };
        expect(isCurrentStaff(person, asOf)).toBe(h <= 0);
        expect(isCurrentStaff({ hired: addDays(asOf, -10), left: addDays(asOf, l) }, asOf)).toBe(l > 0);
      }),
    );
  });
});

describe('security training', () => {
  it(`is due ${TRAINING_GRACE_DAYS} days after hire, then a year after the latest training`, () => {
    expect(TRAINING_GRACE_DAYS).toBe(30);
    expect(trainingDue({ hired: '2028-02-01', trainings: [] })).toBe('2028-03-02');
    expect(trainingDue({ hired: '2028-02-01', trainings: ['2028-02-29', '2029-05-01', '2028-06-30'] })).toBe(
      '2030-05-01',
    );
    expect(trainingDue({ hired: '2027-01-01', trainings: ['2028-02-29'] })).toBe('2029-02-28');
  });
});

describe('vendors and policies', () => {
  it('a vendor removed on the evaluation date owes nothing more; one removed the day after still does', () => {
    expect(isRemovedVendor({ data: { removed: '2028-02-29' } }, '2028-02-29')).toBe(true);
    expect(isRemovedVendor({ data: { removed: '2028-02-29' } }, '2028-02-28')).toBe(false);
    expect(isRemovedVendor({ data: {} }, '2028-02-29')).toBe(false);
  });

  it('are due the months they name after the last review, clamped to a shorter month', () => {
    expect(vendorReviewDue({ data: { reviewed: '2027-02-28', review_months: 12 } })).toBe('2028-02-28');
    expect(vendorReviewDue({ data: { reviewed: '2027-08-31', review_months: 6 } })).toBe('2028-02-29');
    const approvedBy = { approved_by: 'ceo' };
    expect(policyReviewDue({ data: { ...approvedBy, approved: '2028-02-29', review_months: 12 } })).toBe('2029-02-28');
    expect(policyReviewDue({ data: { ...approvedBy, approved: '2027-11-30', review_months: 3 } })).toBe('2028-02-29');
  });

  it('are not due for a policy nobody has approved yet', () => {
    expect(policyReviewDue({ data: { review_months: 12 } })).toBeUndefined();
  });
});

describe('the deadlines of a program', () => {
  it('name the review of each policy, on its approval line', () => {
    const policy = doc(
      'policy',
      'POL-1',
      'policies/a.mdx',
      { title: 'Backup Policy', approved_by: 'ceo', approved: '2027-02-28', review_months: 12 },
      { approved: 4 },
    );
    expect(plain(deadlines(model({ policies: [policy] }), '2028-01-01'))).toEqual([
      {
        kind: 'policy-review',
        code: 'TB501',
        file: 'policies/a.mdx',
        subject: { kind: 'policy', id: 'POL-1' },
        line: 4,
        due: '2028-02-28',
        what: 'the review of "Backup Policy"',
        hint: 'Review the policy, then set `approved:` to the approval date (and bump `version` if it changed).',
        warnAhead: true,
        softInReadiness: false,
      },
    ]);
  });

  describe('evidence', () => {
    const control = (data: Record<string, unknown>) =>
      doc('control', 'C', 'controls/C.mdx', { status: 'implemented', ...data });
    const series = (frequency: Frequency, collected: string[]) =>
      doc(
        'evidence',
        'EV-1',
        'evidence-index/EV-1.mdx',
        { controls: ['C'], frequency, artifacts: collected.map((day) => ({ collected: day })), exceptions: [] },
        Object.fromEntries(collected.map((_, index) => [`artifacts.${index}.collected`, 10 + index])),
      );
    const evidenceDeadlines = (frequency: Frequency, collected: string[], asOf = '2028-03-01', c = control({})) =>
      plain(deadlines(model({ controls: [c], evidence: [series(frequency, collected)] }), asOf));

    it('fall due the stated number of days after the newest artifact, on its line', () => {
      expect(evidenceDeadlines('quarterly', ['2027-10-01', '2028-01-05', '2027-12-31'])).toEqual([
        {
          kind: 'evidence',
          code: 'TB502',
          file: 'evidence-index/EV-1.mdx',
          subject: { kind: 'evidence', id: 'EV-1' },
          line: 11,
          due: addDays('2028-01-05', 122),
          what: 'the next quarterly artifact of EV-1 (last collected 2028-01-05)',
          hint: 'Collect current evidence and add it under `artifacts:`. A quarterly series is stale 122 days after its newest artifact.',
          warnAhead: true,
          softInReadiness: true,
        },
      ]);
    });

    it('point at the first of two artifacts collected the same day', () => {
      expect(evidenceDeadlines('monthly', ['2028-01-05', '2028-02-29', '2028-02-29'])[0]).toMatchObject({
        line: 11,
        due: '2028-04-10',
      });
    });

    it('warn ahead of time for quarterly, semiannual and annual series only', () => {
      const ages: [Frequency, number, boolean][] = [
        ['daily', 2, false],
        ['weekly', 10, false],
        ['monthly', 41, false],
        ['continuous', 41, false],
        ['quarterly', 122, true],
        ['semiannual', 213, true],
        ['annual', 395, true],
      ];
      for (const [frequency, age, warnAhead] of ages) {
        expect(maxEvidenceAgeDays[frequency]).toBe(age);
        expect(evidenceDeadlines(frequency, ['2028-02-29'])[0]).toMatchObject({
          due: addDays('2028-02-29', age),
          warnAhead,
        });
      }
    });

    it('are none for per-event series, empty series, and controls not in operation', () => {
      expect(maxEvidenceAgeDays['per-event']).toBeUndefined();
      expect(evidenceDeadlines('per-event', ['2028-02-29'])).toEqual([]);
      expect(evidenceDeadlines('monthly', [])).toEqual([]);
      expect(evidenceDeadlines('monthly', ['2028-02-29'], '2028-03-01', control({ status: 'planned' }))).toEqual([]);
    });

    it('are owed through the day a control is retired, and not the day after', () => {
      const retired = control({ retired: '2028-03-01' });
      expect(evidenceDeadlines('monthly', ['2028-02-29'], '2028-03-01', retired)).toHaveLength(1);
      expect(evidenceDeadlines('monthly', ['2028-02-29'], '2028-03-02', retired)).toEqual([]);
    });
  });

  describe('vendors', () => {
    const vendor = (data: Record<string, unknown>) =>
      doc(
        'vendor',
        'cloudco',
        'content/vendors/cloudco.yaml',
        { name: 'CloudCo', reviewed: '2027-08-31', review_months: 6, ...data },
        {
          reviewed: 3,
          'assurance.period_end': 7,
          'assurance.expires': 8,
          'assurance.bridge_letter.covers_until': 9,
        },
      );
    const vendorDeadlines = (data: Record<string, unknown>, asOf = '2028-01-01') =>
      plain(deadlines(model({ vendors: [vendor(data)] }), asOf));
    const review = {
      kind: 'vendor-review',
      code: 'TB503',
      file: 'content/vendors/cloudco.yaml',
      subject: { kind: 'vendor', id: 'cloudco' },
      line: 3,
      due: '2028-02-29',
      what: 'the review of vendor CloudCo',
      hint: 'Review the vendor (assurance report, contract, access), then set `reviewed:` to the review date.',
      warnAhead: true,
      softInReadiness: false,
    };
    const report = {
      kind: 'vendor-assurance',
      code: 'TB504',
      file: 'content/vendors/cloudco.yaml',
      subject: { kind: 'vendor', id: 'cloudco' },
      warnAhead: true,
      softInReadiness: false,
      hint: "Obtain the vendor's current report (or a bridge letter) and update `assurance.period_end` (or `assurance.bridge_letter`).",
    };

    it('owe a review, and a new report a year after the last one ended', () => {
      expect(vendorDeadlines({ assurance: { type: 'soc2-type2', period_end: '2027-02-28' } })).toEqual([
        review,
        { ...report, line: 7, due: '2028-02-28', what: 'a newer soc2-type2 report from CloudCo' },
      ]);
    });

    it('owe only the review when they hold no assurance report or certificate', () => {
      expect(vendorDeadlines({})).toEqual([review]);
    });

    it('carry a report further with a bridge letter reaching past the year, and not with one ending on its last day', () => {
      const bridged = (coversUntil: string) =>
        vendorDeadlines({
          assurance: { type: 'soc2-type2', period_end: '2027-02-28', bridge_letter: { covers_until: coversUntil } },
        })[1];
      expect(bridged('2028-02-29')).toEqual({
        ...report,
        line: 9,
        due: '2028-02-29',
        what: 'a newer soc2-type2 report from CloudCo (its bridge letter covers until 2028-02-29)',
      });
      expect(bridged('2028-02-28')).toEqual({
        ...report,
        line: 7,
        due: '2028-02-28',
        what: 'a newer soc2-type2 report from CloudCo',
      });
    });

    it('owe the renewal of a certificate on the day it expires', () => {
      expect(vendorDeadlines({ assurance: { type: 'iso27001', expires: '2028-02-29' } })).toEqual([
        review,
        {
          ...report,
          line: 8,
          due: '2028-02-29',
          what: "the renewal of CloudCo's iso27001 certificate",
          hint: "Obtain the vendor's renewed certificate and update `assurance.expires`.",
        },
      ]);
    });

    it('owe nothing once removed, from the day of removal', () => {
      const data = { removed: '2028-01-01', assurance: { type: 'iso27001', expires: '2028-02-29' } };
      expect(vendorDeadlines(data, '2028-01-01')).toEqual([]);
      expect(vendorDeadlines(data, '2027-12-31')).toHaveLength(2);
    });
  });

  it('name the yearly review of each risk, and its treatment when it has a due date', () => {
    const risk = (data: Record<string, unknown>) =>
      doc('risk', 'R-1', 'content/risks/R-1.mdx', { reviewed: '2027-02-28', ...data }, { reviewed: 2, due: 5 });
    const common = {
      file: 'content/risks/R-1.mdx',
      subject: { kind: 'risk', id: 'R-1' },
      warnAhead: true,
      softInReadiness: false,
    };
    expect(plain(deadlines(model({ risks: [risk({ due: '2028-02-29' })] }), '2028-01-01'))).toEqual([
      {
        ...common,
        kind: 'risk-review',
        code: 'TB505',
        line: 2,
        due: '2028-02-28',
        what: 'the yearly review of risk R-1',
        hint: 'Review the risk (likelihood, impact, treatment, controls), then set `reviewed:` to the review date.',
      },
      {
        ...common,
        kind: 'risk-treatment',
        code: 'TB506',
        line: 5,
        due: '2028-02-29',
        what: 'the treatment of risk R-1',
        hint: 'Finish the treatment and remove `due`, or agree a new date with the risk owner and set it.',
      },
    ]);
    expect(deadlines(model({ risks: [risk({})] }), '2028-01-01').map((d) => d.kind)).toEqual(['risk-review']);
  });

  it('name the yearly review of the system description', () => {
    const description = doc(
      'system-description',
      'system',
      'content/system-description.mdx',
      { reviewed: '2028-02-29' },
      { reviewed: 6 },
    );
    expect(plain(deadlines(model({ systemDescription: description }), '2028-03-01'))).toEqual([
      {
        kind: 'system-description-review',
        code: 'TB509',
        file: 'content/system-description.mdx',
        subject: { kind: 'system-description', id: 'system' },
        line: 6,
        due: '2029-02-28',
        what: 'the yearly review of the system description',
        hint: 'Review the description against the system as it is, then set `reviewed:` to the review date.',
        warnAhead: true,
        softInReadiness: false,
      },
    ]);
  });

  it("name each current person's training: the first one on the person's id, later ones on their trainings", () => {
    const people = {
      file: 'content/people.yaml',
      data: {
        staff: [
          { id: 'ana', hired: '2028-02-01', trainings: [] },
          { id: 'ben', hired: '2020-01-01', trainings: ['2027-02-28'] },
          { id: 'cy', hired: '2020-01-01', left: '2028-03-01', trainings: [] },
          { id: 'di', hired: '2028-03-02', trainings: [] },
        ],
      },
      keyLines: new Map([
        ['staff.0.id', 3],
        ['staff.1.trainings', 9],
      ]),
    };
    const common = {
      kind: 'training',
      code: 'TB507',
      file: 'content/people.yaml',
      hint: 'Record the completion date under `trainings:` on the staff record.',
      warnAhead: true,
      softInReadiness: false,
    };
    expect(plain(deadlines(model({ people }), '2028-03-01'))).toEqual([
      {
        ...common,
        subject: { kind: 'person', id: 'ana' },
        line: 3,
        due: '2028-03-02',
        what: 'the first security training of ana (hired 2028-02-01)',
      },
      {
        ...common,
        subject: { kind: 'person', id: 'ben' },
        line: 9,
        due: '2028-02-28',
        what: 'the yearly security training of ben',
      },
    ]);
  });
});

describe('upcoming deadlines', () => {
  const policy = (id: string, approved: string, file = `policies/${id}.mdx`, line = 4) =>
    doc('policy', id, file, { title: id, approved_by: 'ceo', approved, review_months: 12 }, { approved: line });
  const upcoming = (asOf: string, days: number, policies: unknown[]) =>
    upcomingDeadlines(model({ policies }), asOf, days).map((d) => `${d.due} ${d.file}:${d.line}`);

  it('reach the last day of the horizon, not the day after, and keep the overdue', () => {
    const policies = [policy('a', addMonths('2028-03-30', -12)), policy('b', addMonths('2028-03-31', -12))];
    expect(upcoming('2028-02-29', 30, policies)).toEqual(['2028-03-30 policies/a.mdx:4']);
    expect(upcoming('2028-03-01', 30, policies)).toEqual([
      '2028-03-30 policies/a.mdx:4',
      '2028-03-31 policies/b.mdx:4',
    ]);
    expect(upcoming('2029-01-01', 0, policies)).toHaveLength(2);
  });

  it('come soonest first, then by file, then by line', () => {
    const policies = [
      policy('c', '2027-05-01'),
      policy('b', '2027-04-01', 'policies/same.mdx', 9),
      policy('a', '2027-04-01', 'policies/same.mdx', 2),
      policy('d', '2027-04-01', 'policies/a.mdx', 7),
    ];
    expect(upcoming('2028-12-31', 0, policies)).toEqual([
      '2028-04-01 policies/a.mdx:7',
      '2028-04-01 policies/same.mdx:2',
      '2028-04-01 policies/same.mdx:9',
      '2028-05-01 policies/c.mdx:4',
    ]);
  });
});

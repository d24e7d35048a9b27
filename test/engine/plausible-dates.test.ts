/**
 * Dates that cannot be true, held on the day the answer changes: a record dated on the evaluation date is
 * accepted and one dated the day after is not, for each of the twelve kinds of record; a policy approved and in
 * force the same day, a person leaving on the day they were hired, a background check on the last of its 30
 * days, a control retired on the day it was implemented: all accepted, and each a day further reported.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { emptyModel, type ProgramModel } from '../../src/engine/model.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';
import { BACKGROUND_CHECK_GRACE_DAYS, plausibleDatesRule } from '../../src/engine/rules/plausible-dates.ts';

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

const run = (m: ProgramModel, asOf: string): Diagnostic[] =>
  plausibleDatesRule(m, { asOf } as RuleContext) as Diagnostic[];

const codes = (list: Diagnostic[], code: string) => list.filter((d) => d.code === code);

const anyDate = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber);

/** A program whose every record of something done is dated `date`, each on its own line. */
function recordedOn(date: string): ProgramModel {
  return model({
    policies: [
      doc(
        'policy',
        'POL',
        'policies/p.mdx',
        { title: 'Backup Policy', approved: date, effective: date },
        { approved: 2 },
      ),
    ],
    vendors: [
      doc(
        'vendor',
        'cloudco',
        'content/vendors/cloudco.yaml',
        { name: 'CloudCo', reviewed: date, assurance: { type: 'soc2-type2', period_end: date } },
        { reviewed: 3, 'assurance.period_end': 4 },
      ),
    ],
    risks: [doc('risk', 'R-1', 'content/risks/R-1.mdx', { reviewed: date }, { reviewed: 5 })],
    evidence: [
      doc(
        'evidence',
        'EV',
        'evidence-index/EV.mdx',
        {
          artifacts: [{ collected: date }, { collected: date, performed: date }],
          exceptions: [{ disclosed: date, remediated: date }, { disclosed: date }],
          population: [{ source: 'Tickets', exported: date }],
        },
        {
          'artifacts.1.performed': 6,
          'exceptions.0.disclosed': 7,
          'exceptions.0.remediated': 8,
          'exceptions.1.disclosed': 9,
          'population.0.exported': 10,
        },
      ),
    ],
    systemDescription: doc(
      'system-description',
      'system',
      'content/system-description.mdx',
      { reviewed: date },
      {
        reviewed: 11,
      },
    ),
    assertion: doc('assertion', 'assertion', 'content/assertion.mdx', { date }, { date: 12 }),
    people: {
      file: 'content/people.yaml',
      data: {
        staff: [
          { id: 'ana', hired: date, background_check: date, trainings: [date, date] },
          { id: 'ben', hired: date, trainings: [] },
        ],
      },
      keyLines: new Map([
        ['staff.0.background_check', 13],
        ['staff.0.trainings.0', 14],
        ['staff.0.trainings.1', 15],
      ]),
    },
  });
}

/** Each record of `recordedOn`, as the finding names it: line, subject and phrase. */
const records: [string, number, Diagnostic['subject'], string][] = [
  ['policies/p.mdx', 2, { kind: 'policy', id: 'POL' }, '"Backup Policy" approved'],
  ['content/vendors/cloudco.yaml', 3, { kind: 'vendor', id: 'cloudco' }, 'vendor CloudCo reviewed'],
  ['content/vendors/cloudco.yaml', 4, { kind: 'vendor', id: 'cloudco' }, 'the assurance report of CloudCo ending'],
  ['content/risks/R-1.mdx', 5, { kind: 'risk', id: 'R-1' }, 'risk R-1 reviewed'],
  ['evidence-index/EV.mdx', 6, { kind: 'evidence', id: 'EV' }, 'an artifact performed'],
  ['evidence-index/EV.mdx', 7, { kind: 'evidence', id: 'EV' }, 'an exception disclosed'],
  ['evidence-index/EV.mdx', 8, { kind: 'evidence', id: 'EV' }, 'an exception remediated'],
  ['evidence-index/EV.mdx', 9, { kind: 'evidence', id: 'EV' }, 'an exception disclosed'],
  ['evidence-index/EV.mdx', 10, { kind: 'evidence', id: 'EV' }, 'the population from Tickets exported'],
  [
    'content/system-description.mdx',
    11,
    { kind: 'system-description', id: 'system' },
    'the system description reviewed',
  ],
  ['content/assertion.mdx', 12, { kind: 'assertion', id: 'assertion' }, "management's assertion signed"],
  ['content/people.yaml', 13, { kind: 'person', id: 'ana' }, 'the background check of ana completed'],
  ['content/people.yaml', 14, { kind: 'person', id: 'ana' }, 'security training of ana completed'],
  ['content/people.yaml', 15, { kind: 'person', id: 'ana' }, 'security training of ana completed'],
];

describe('records dated after the evaluation date', () => {
  it('accepts every kind of record dated on the evaluation date, and reports each one dated the day after', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(codes(run(recordedOn(date), date), 'TB802')).toEqual([]);
        const asOf = addDays(date, -1);
        expect(codes(run(recordedOn(date), asOf), 'TB802')).toEqual(
          records.map(([file, line, subject, what]) => ({
            severity: 'error',
            code: 'TB802',
            file,
            line,
            subject,
            message: `${what} on ${date}, after the evaluation date ${asOf}`,
            hint: 'A record says what has been done: write the date it happened. Something still to come is not a record yet (check `as_of` if the date is right).',
          })),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('is nothing for a program without records', () => {
    expect(run(model({}), '2028-01-01')).toEqual([]);
  });
});

describe('policy dates', () => {
  const policy = (approved: string, effective: string) =>
    model({
      policies: [
        doc(
          'policy',
          'POL',
          'policies/p.mdx',
          { title: 'Backup Policy', approved_by: 'ceo', approved, effective },
          { effective: 7 },
        ),
      ],
    });

  it('accept a policy in force on the day it was approved, and warn when in force the day before', () => {
    expect(codes(run(policy('2028-02-29', '2028-02-29'), '2028-12-31'), 'TB803')).toEqual([]);
    expect(codes(run(policy('2028-02-29', '2028-02-28'), '2028-12-31'), 'TB803')).toEqual([
      {
        severity: 'warning',
        code: 'TB803',
        file: 'policies/p.mdx',
        line: 7,
        subject: { kind: 'policy', id: 'POL' },
        message: '"Backup Policy" took effect 2028-02-28, before it was approved (2028-02-29)',
        hint: 'A policy is in force once approved: set `effective` on or after `approved`, or correct the approval date.',
      },
    ]);
  });

  it('accept a policy taking effect on the evaluation date, and warn when it takes effect the day after', () => {
    expect(codes(run(policy('2028-01-01', '2028-02-29'), '2028-02-29'), 'TB804')).toEqual([]);
    expect(codes(run(policy('2028-01-01', '2028-03-01'), '2028-02-29'), 'TB804')).toEqual([
      {
        severity: 'warning',
        code: 'TB804',
        file: 'policies/p.mdx',
        line: 7,
        subject: { kind: 'policy', id: 'POL' },
        message:
          '"Backup Policy" takes effect 2028-03-01: until then it is not in force, and does not count as a required policy',
        hint: 'Keep the version in force alongside it until the new one takes effect, or set `effective` to the day it applied.',
      },
    ]);
  });
});

describe('staff dates', () => {
  const people = (person: Record<string, unknown>, program?: unknown) =>
    model({
      program,
      people: {
        file: 'content/people.yaml',
        data: { staff: [{ id: 'ana', trainings: [], ...person }] },
        keyLines: new Map([
          ['staff.0.left', 4],
          ['staff.0.background_check', 5],
        ]),
      },
    });

  it('accept a person who left on the day they were hired, and report one who left the day before', () => {
    expect(run(people({ hired: '2028-02-29', left: '2028-02-29' }), '2028-12-31')).toEqual([]);
    expect(run(people({ hired: '2028-02-29', left: '2028-02-28' }), '2028-12-31')).toEqual([
      {
        severity: 'error',
        code: 'TB805',
        file: 'content/people.yaml',
        line: 4,
        subject: { kind: 'person', id: 'ana' },
        message: 'ana left 2028-02-28, before being hired 2028-02-29',
        hint: 'Correct `hired` or `left`; a person who came back is a second record with its own dates.',
      },
    ]);
  });

  it(`accept a background check through ${BACKGROUND_CHECK_GRACE_DAYS} days after hire, and warn the day after`, () => {
    expect(BACKGROUND_CHECK_GRACE_DAYS).toBe(30);
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -2, max: 2 }), (hired, beyond) => {
        const checked = addDays(hired, BACKGROUND_CHECK_GRACE_DAYS + beyond);
        const found = codes(run(people({ hired, background_check: checked }), '2031-12-31'), 'TB806');
        expect(found).toHaveLength(beyond > 0 ? 1 : 0);
      }),
      { numRuns: 50 },
    );
    expect(run(people({ hired: '2028-02-01', background_check: '2028-03-03' }), '2028-12-31')).toEqual([
      {
        severity: 'warning',
        code: 'TB806',
        file: 'content/people.yaml',
        line: 5,
        subject: { kind: 'person', id: 'ana' },
        message: 'the background check of ana was completed 2028-03-03, more than 30 days after hire (2028-02-01)',
        hint: 'Background checks are done before, or right at, hire: expect the auditor to note this one. Record the real completion date.',
      },
    ]);
  });

  it('leave the screening of joiners from the first day of the tested period to its own rule', () => {
    const typeTwo = { data: { audit: { type: 'II', period: { start: '2028-03-01', end: '2029-02-28' } } } };
    const late = (hired: string, program: unknown) =>
      codes(run(people({ hired, background_check: addDays(hired, 60) }, program), '2031-12-31'), 'TB806');
    expect(late('2028-03-01', typeTwo)).toEqual([]);
    expect(late('2028-02-29', typeTwo)).toHaveLength(1);
    const typeOne = { data: { audit: { type: 'I', date: '2029-03-01' } } };
    expect(late('2028-03-01', typeOne)).toEqual([]);
    expect(late('2028-02-29', typeOne)).toHaveLength(1);
    expect(late('2028-03-01', undefined)).toHaveLength(1);
  });
});

describe('control dates', () => {
  const control = (data: Record<string, unknown>) =>
    model({
      controls: [
        doc('control', 'AC-1', 'controls/AC-1.mdx', { status: 'implemented', ...data }, { implemented: 3, retired: 4 }),
      ],
    });

  it('accept a control retired on the day it was implemented, and report one retired the day before', () => {
    expect(run(control({ implemented: '2028-02-29', retired: '2028-02-29' }), '2028-12-31')).toEqual([]);
    expect(run(control({ implemented: '2028-02-29', retired: '2028-02-28' }), '2028-12-31')).toEqual([
      {
        severity: 'error',
        code: 'TB808',
        file: 'controls/AC-1.mdx',
        line: 4,
        subject: { kind: 'control', id: 'AC-1' },
        message: 'AC-1 was retired 2028-02-28, before it was implemented (2028-02-29)',
        hint: 'Correct `implemented` or `retired`.',
      },
    ]);
    expect(run(control({ retired: '2028-02-28' }), '2028-12-31')).toEqual([]);
  });

  it('accept a control implemented on the evaluation date, and warn when implemented the day after', () => {
    expect(run(control({ implemented: '2028-02-29' }), '2028-02-29')).toEqual([]);
    expect(run(control({ implemented: '2028-03-01' }), '2028-02-29')).toEqual([
      {
        severity: 'warning',
        code: 'TB808',
        file: 'controls/AC-1.mdx',
        line: 3,
        subject: { kind: 'control', id: 'AC-1' },
        message: 'AC-1 is not implemented until 2028-03-01: until then it covers no criterion',
        hint: 'Set `status: planned` until it operates, or correct `implemented`.',
      },
    ]);
    expect(run(control({ status: 'implemented' }), '2028-02-29')).toEqual([]);
  });

  it('report dates of operation on a control that is not implemented', () => {
    const notImplemented = (data: Record<string, unknown>) =>
      run(control({ status: 'planned', ...data }), '2028-02-29').map((d) => [d.severity, d.line, d.message, d.hint]);
    const hint = 'Dates of operation belong to an implemented control: set `status: implemented`, or remove the dates.';
    expect(notImplemented({ implemented: '2030-01-01' })).toEqual([
      ['error', 3, 'AC-1 is planned, yet has `implemented` dates', hint],
    ]);
    expect(notImplemented({ retired: '2027-01-01' })).toEqual([
      ['error', 4, 'AC-1 is planned, yet has `retired` dates', hint],
    ]);
    expect(notImplemented({})).toEqual([]);
  });
});

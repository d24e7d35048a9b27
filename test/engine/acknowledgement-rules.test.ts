/**
 * The acknowledgements rule (TB520 to TB525) called on its own: acknowledged on the first day, on the due date
 * and the day after, dated before approval, leavers at the window's first day and the evaluation date.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { policyTextHash } from '../../src/engine/policy-text.ts';
import { acknowledgementsRule } from '../../src/engine/rules/acknowledgements.ts';
import {
  exceptionsSeries,
  PEOPLE,
  peopleYaml,
  programYaml,
  ruleContext,
  smallModel,
} from '../helpers/small-program.ts';

const ACKS = 'content/acknowledgements/form.yaml';
const BODY = '## Purpose\n\nBack up what matters.';
const HASH = policyTextHash(BODY);

/** A policy at version 2.1, approved and in effect from `effective` (2026-03-01 unless given). */
function policyFile(effective = '2026-03-01', extra = ''): string {
  return `---
title: Backup policy
version: "2.1"
owner: engineer
approved_by: engineer
approved: ${effective}
effective: ${effective}
${extra}---

${BODY}
`;
}

interface Ack {
  person?: string;
  policy?: string;
  version?: string;
  sha256?: string;
  date?: string;
}

/** Each acknowledgement in block style, one field a line: entry i's fields are on lines 2 + 5i to 6 + 5i. */
function acksFile(acks: Ack[]): string {
  const entries = acks.map(
    ({ person = 'kofi', policy = 'backup', version = '2.1', sha256 = HASH, date = '2026-03-10' }) =>
      `  - person: ${person}\n    policy: ${policy}\n    version: "${version}"\n    sha256: ${sha256}\n    date: ${date}\n`,
  );
  return `acknowledgements:\n${entries.join('')}`;
}

const KOFI = '{ id: kofi, role: engineer, hired: 2024-01-10 }';

interface Setup {
  staff?: string[];
  acks?: Ack[] | undefined;
  effective?: string;
  program?: string;
  files?: Record<string, string>;
  broken?: string[];
  asOf?: string;
}

function run({ staff = [KOFI], acks = [], effective, program, files = {}, broken, asOf = '2026-07-15' }: Setup = {}) {
  const model = smallModel(
    {
      [PEOPLE]: peopleYaml(staff),
      'policies/backup.mdx': policyFile(effective),
      ...(acks.length > 0 ? { [ACKS]: acksFile(acks) } : {}),
      ...(program !== undefined ? { 'content/program.yaml': program } : {}),
      ...files,
    },
    broken,
  );
  return acknowledgementsRule(model, ruleContext(asOf));
}

const only = (found: Diagnostic[], code: string) => found.filter((d) => d.code === code);
const summary = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.severity} ${d.subject?.id}`);

describe('an acknowledgement record', () => {
  it('names someone on staff, with a suggestion for a typo (TB522)', () => {
    const found = run({ acks: [{}, { person: 'kofy' }, { person: 'zed' }] });
    expect(only(found, 'TB522')).toEqual([
      {
        severity: 'error',
        code: 'TB522',
        file: ACKS,
        line: 7,
        subject: { kind: 'person', id: 'kofy' },
        message: 'the acknowledgement names `kofy`, who is not on staff in content/people.yaml',
        hint: 'Did you mean `kofi`?',
      },
      expect.objectContaining({
        line: 12,
        hint: 'Name a staff id from content/people.yaml, or add the person\u2019s staff record.'.replace('\u2019', "'"),
      }),
    ]);
  });

  it('names a policy that exists, with a suggestion for a typo, and not one whose own file is broken (TB522)', () => {
    const found = run({
      acks: [{ policy: 'backups' }, { policy: 'travel' }, { policy: 'broken' }],
      files: { 'policies/broken.mdx': '---\ntitle: Broken\n---\n\nNo version.\n' },
      broken: ['policies/broken.mdx'],
    });
    expect(only(found, 'TB522')).toEqual([
      {
        severity: 'error',
        code: 'TB522',
        file: ACKS,
        line: 3,
        subject: { kind: 'policy', id: 'backups' },
        message: 'the acknowledgement names policy `backups`, which does not exist',
        hint: 'Did you mean `backup`?',
      },
      expect.objectContaining({ line: 8, hint: 'Name a policy id from policies/.' }),
    ]);
  });

  it('is not checked against a staff register the program does not keep', () => {
    const model = smallModel({ 'policies/backup.mdx': policyFile(), [ACKS]: acksFile([{ person: 'zed' }]) });
    expect(acknowledgementsRule(model, ruleContext('2026-07-15'))).toEqual([]);
  });

  it('names a version that existed, with the current text’s hash (TB521), on the line at fault', () => {
    const found = run({ acks: [{ version: '2.2' }, { sha256: 'a'.repeat(64) }] });
    expect(only(found, 'TB521')).toEqual([
      {
        severity: 'error',
        code: 'TB521',
        file: ACKS,
        line: 4,
        subject: { kind: 'person', id: 'kofi' },
        message: "kofi's acknowledgement of backup: version 2.2 of backup never existed (the current version is 2.1)",
        hint: 'An acknowledgement must name a text that existed: the version and the sha256 the employee portal links with. Correct the record from the form export, or ask the person to acknowledge the current text.',
      },
      expect.objectContaining({
        line: 10,
        message: expect.stringMatching(/^kofi's acknowledgement of backup: the sha256 a{12}…/),
      }),
    ]);
  });

  it('cannot be dated before its version was approved (TB525), and can be on the day itself', () => {
    const found = run({ acks: [{ date: '2026-02-28' }, { date: '2026-03-01' }] });
    expect(only(found, 'TB525')).toEqual([
      {
        severity: 'error',
        code: 'TB525',
        file: ACKS,
        line: 6,
        subject: { kind: 'person', id: 'kofi' },
        message:
          "kofi's acknowledgement of backup version 2.1 is dated 2026-02-28, before that version was approved (2026-03-01)",
        hint: 'Nobody can acknowledge a text before it exists: correct the date or the version from the form export. Such a record does not count.',
      },
    ]);
    expect(only(run({ acks: [{ date: '2026-02-28', version: '2.0' }] }), 'TB525')).toEqual([]);
  });

  it('is dated on or before the evaluation date, and on or after the first day of work (TB523)', () => {
    const found = run({
      staff: [KOFI, '{ id: ama, role: engineer, hired: 2026-04-01 }'],
      acks: [
        { date: '2026-07-15' },
        { date: '2026-07-16' },
        { person: 'ama', date: '2026-04-01' },
        { person: 'ama', date: '2026-03-31' },
      ],
    });
    expect(only(found, 'TB523')).toEqual([
      {
        severity: 'error',
        code: 'TB523',
        file: ACKS,
        line: 11,
        subject: { kind: 'person', id: 'kofi' },
        message: "kofi's acknowledgement of backup is dated 2026-07-16, in the future (as of 2026-07-15)",
        hint: 'Record the day the person acknowledged the policy, from the form export.',
      },
      {
        severity: 'error',
        code: 'TB523',
        file: ACKS,
        line: 21,
        subject: { kind: 'person', id: 'ama' },
        message: "ama's acknowledgement of backup is dated 2026-03-31, before they were hired (2026-04-01)",
        hint: 'Check the date and the person: an acknowledgement before the first day of work does not count.',
      },
    ]);
  });

  it('of someone not on staff is only judged on its date', () => {
    expect(summary(run({ acks: [{}, { person: 'zed', version: '2.0', date: '2024-01-01' }] }))).toEqual([
      'TB522 error zed',
    ]);
  });
});

describe('acknowledgements owed (TB520)', () => {
  it('are not chased before the program tracks acknowledgements', () => {
    expect(run()).toEqual([]);
    const tracking = programYaml('acknowledge_within_days: 30\n');
    expect(summary(run({ program: tracking }))).toEqual(['TB520 error kofi']);
  });

  it('are due with a warning within warn_within_days, and overdue from the day after the due date', () => {
    const program = programYaml('acknowledge_within_days: 30\n');
    expect(run({ program, asOf: '2026-02-28' })).toEqual([]);
    expect(run({ program, asOf: '2026-03-01' })).toEqual([
      {
        severity: 'warning',
        code: 'TB520',
        file: PEOPLE,
        line: 4,
        subject: { kind: 'person', id: 'kofi' },
        message: 'kofi must acknowledge backup version 2.x by 2026-03-31 (in 30 days)',
        hint: 'Ask kofi to read the policy on the employee portal and acknowledge it, then import the form\u2019s export with `trustbook acknowledgements import`.'.replace(
          '\u2019',
          "'",
        ),
      },
    ]);
    expect(run({ program, asOf: '2026-03-31' }).map((d) => d.message)).toEqual([
      'kofi must acknowledge backup version 2.x by 2026-03-31 (in 0 days)',
    ]);
    expect(run({ program, asOf: '2026-04-01' })).toEqual([
      {
        severity: 'error',
        code: 'TB520',
        file: PEOPLE,
        line: 4,
        subject: { kind: 'person', id: 'kofi' },
        message: 'kofi has not acknowledged backup version 2.x (due 2026-03-31, 1 day overdue)',
        hint: "Ask kofi to read the policy on the employee portal and acknowledge it, then import the form's export with `trustbook acknowledgements import`. To disclose it to the auditor, add an exception with `sample: kofi/backup` to the series that evidences acknowledgements.",
      },
    ]);
  });

  it('are met by an acknowledgement on the person’s first day', () => {
    const staff = [KOFI, '{ id: ama, role: engineer, hired: 2026-04-01 }'];
    const acks = [{}, { person: 'ama', date: '2026-04-01' }];
    expect(run({ staff, acks })).toEqual([]);
  });

  it('are not met by an acknowledgement dated before the version was approved', () => {
    expect(summary(run({ acks: [{ date: '2026-02-28' }] }))).toEqual(['TB525 error kofi', 'TB520 error kofi']);
  });

  it('are chased from a leaver of the window overdue on their last day, from the window’s first day on', () => {
    const leaver = (left: string) => `{ id: kofi, role: engineer, hired: 2024-01-10, left: ${left} }`;
    const program = programYaml('acknowledge_within_days: 30\n');
    const effective = '2025-10-01';
    expect(run({ staff: [leaver('2025-12-31')], program, effective })).toEqual([]);
    expect(run({ staff: [leaver('2026-01-01')], program, effective }).map((d) => [d.severity, d.message])).toEqual([
      [
        'error',
        'kofi had not acknowledged backup version 2.x when they left on 2026-01-01 (due 2025-10-31, 62 days overdue)',
      ],
    ]);
    // Leaving on the evaluation date is leaving; the day after, they are still on staff.
    expect(run({ staff: [leaver('2026-07-15')], program }).map((d) => d.message)).toEqual([
      'kofi had not acknowledged backup version 2.x when they left on 2026-07-15 (due 2026-03-31, 106 days overdue)',
    ]);
    expect(run({ staff: [leaver('2026-07-16')], program }).map((d) => d.message)).toEqual([
      'kofi has not acknowledged backup version 2.x (due 2026-03-31, 106 days overdue)',
    ]);
  });

  it('are not chased from a leaver who was not yet overdue, nor from any leaver without a Type II window', () => {
    const program = programYaml('acknowledge_within_days: 30\n');
    expect(run({ staff: ['{ id: kofi, role: engineer, hired: 2024-01-10, left: 2026-03-31 }'], program })).toEqual([]);
    const typeOne = programYaml('acknowledge_within_days: 30\n', 'type: I\n  date: 2026-06-30');
    const staff = [
      '{ id: kofi, role: engineer, hired: 2024-01-10, left: 2026-05-01 }',
      '{ id: ama, role: engineer, hired: 2024-01-10 }',
    ];
    expect(summary(run({ staff, program: typeOne }))).toEqual(['TB520 error ama']);
  });

  it('are not chased from someone who has not started', () => {
    const program = programYaml('acknowledge_within_days: 30\n');
    expect(run({ staff: ['{ id: kofi, role: engineer, hired: 2026-07-16 }'], program })).toEqual([]);
  });

  it('are a warning once disclosed as an exception about that acknowledgement, and nothing once remediated', () => {
    const program = programYaml('acknowledge_within_days: 30\n');
    const disclosed = run({
      program,
      files: { 'evidence-index/EV-ACK.mdx': exceptionsSeries('EV-ACK', [['kofi/backup']]) },
    });
    expect(summary(disclosed)).toEqual(['TB520 warning kofi']);
    const other = run({
      program,
      files: { 'evidence-index/EV-ACK.mdx': exceptionsSeries('EV-ACK', [['kofi/access']]) },
    });
    expect(summary(other)).toEqual(['TB520 error kofi']);
    const remediated = run({
      program,
      files: { 'evidence-index/EV-ACK.mdx': exceptionsSeries('EV-ACK', [['kofi/backup', '2026-05-01']]) },
    });
    expect(remediated).toEqual([]);
  });
});

describe('an acknowledgement made after it was due (TB524)', () => {
  it('is on time on the due date, and a deviation the day after', () => {
    expect(run({ acks: [{ date: '2026-03-31' }] })).toEqual([]);
    expect(run({ acks: [{ date: '2026-04-01' }] })).toEqual([
      {
        severity: 'error',
        code: 'TB524',
        file: PEOPLE,
        line: 4,
        subject: { kind: 'person', id: 'kofi' },
        message: 'kofi acknowledged backup version 2.x only after it was due (2026-03-31)',
        hint: 'A late acknowledgement is a deviation in the audit window: disclose it as an exception with `sample: kofi/backup` in the series that evidences acknowledgements, or correct the date if it is wrong.',
      },
    ]);
  });

  it('is a deviation of the window only when it fell due from the window’s first day to its last', () => {
    // Due 30 days after the version took effect.
    const late = (effective: string, date: string) => summary(run({ effective, acks: [{ date }] }));
    expect(late('2025-12-01', '2026-01-05')).toEqual([]); // due 2025-12-31
    expect(late('2025-12-02', '2026-01-05')).toEqual(['TB524 error kofi']); // due 2026-01-01
    expect(late('2026-05-31', '2026-07-01')).toEqual(['TB524 error kofi']); // due 2026-06-30
    expect(late('2026-06-01', '2026-07-02')).toEqual([]); // due 2026-07-01
  });

  it('is not judged without a Type II window', () => {
    const typeOne = programYaml('', 'type: I\n  date: 2026-06-30');
    expect(run({ program: typeOne, acks: [{ date: '2026-04-01' }] })).toEqual([]);
  });

  it('is reported for a leaver of the window too, and is a warning once disclosed', () => {
    const staff = ['{ id: kofi, role: engineer, hired: 2024-01-10, left: 2026-05-01 }'];
    expect(summary(run({ staff, acks: [{ date: '2026-04-01' }] }))).toEqual(['TB524 error kofi']);
    const disclosed = run({
      acks: [{ date: '2026-04-01' }],
      files: { 'evidence-index/EV-ACK.mdx': exceptionsSeries('EV-ACK', [['kofi/backup']]) },
    });
    expect(summary(disclosed)).toEqual(['TB524 warning kofi']);
    const remediated = run({
      acks: [{ date: '2026-04-01' }],
      files: { 'evidence-index/EV-ACK.mdx': exceptionsSeries('EV-ACK', [['kofi/backup', '2026-05-01']]) },
    });
    expect(remediated).toEqual([]);
  });
});

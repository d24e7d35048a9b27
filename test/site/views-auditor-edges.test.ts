/**
 * The auditor site's projections (src/site/views/auditor.ts) field by field, at the edges auditor-projections.test.ts
 * leaves open: a policy or procedure the site does not show named by its id and unlinked, a control's own test or
 * the default, artifacts newest first whatever the order of the file and each labelled with its period (a period
 * that names no real week as written), a series without artifacts, the files the site serves, the evidence of each
 * control, a risk's score, vendors and the carved-out ones, staff by name or id with their latest training, the
 * acknowledgements of a named person, the system description and the assertion when absent or worded by date, the
 * firm's request lists, and the frameworks besides SOC 2.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { auditorProjections } from '../../src/site/views/auditor.ts';
import { check, edit, validProgram, without, writeProgram, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const PEOPLE = 'content/people.yaml';

const projections = (files: Files) => auditorProjections(check(files));

/** A series of BASE-01 (and any other controls named) with the frequency and artifacts given. */
const series = (id: string, controls: string, frequency: string, artifacts: string) =>
  `---\nid: ${id}\ntitle: ${id} record\ncontrols: [${controls}]\nowner: ceo\nfrequency: ${frequency}\nartifacts:${artifacts}\n---\n\nText.\n`;

describe('a control on the auditor site', () => {
  it('links the policies and procedures the site shows by their titles, and names the others by id, unlinked', () => {
    let files = edit(
      validProgram(),
      CONTROL,
      'policies: [information-security]\nprocedures: [access-review]',
      'policies: [information-security, staff-handbook]\nprocedures: [access-review, desk-check]',
    );
    files = {
      ...files,
      'policies/staff-handbook.mdx': files['policies/data-retention.mdx']!.replace(
        'kind: data-retention',
        'kind: data-retention\naudience: [employees]',
      ),
      'content/procedures/desk-check.mdx':
        '---\nid: desk-check\ntitle: Desk check\nowner: security-lead\npolicies: [information-security]\nfrequency: quarterly\naudience: [employees]\n---\n\n- [ ] Look\n',
    };
    const [control] = projections(files).controls;
    expect(control!.policies).toEqual([
      { id: 'information-security', label: 'information-security policy', linked: true },
      { id: 'staff-handbook', label: 'staff-handbook', linked: false },
    ]);
    expect(control!.procedures).toEqual([
      { id: 'access-review', label: 'Access review', linked: true },
      { id: 'desk-check', label: 'desk-check', linked: false },
    ]);
  });

  it('is tested as it says, else as its automation suggests', () => {
    const own = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\ntest: observation');
    expect(projections(own).controls.map((control) => control.test)).toEqual(['observation']);
    const automated = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nautomated: true');
    expect(projections(automated).controls.map((control) => [control.automated, control.test])).toEqual([
      [true, 're-performance'],
    ]);
  });

  it('holds every field of the control, with its owner named by role and its status from the check', () => {
    const files = edit(
      validProgram(),
      CONTROL,
      'frequency: quarterly',
      'frequency: quarterly\nimplemented: 2025-11-01\ntype: preventive\npublic_summary: We run a security program.',
    );
    const [control] = projections(files).controls;
    expect({ ...control, criteria: control!.criteria.length }).toEqual({
      kind: 'control',
      id: 'BASE-01',
      file: CONTROL,
      title: 'Baseline security program',
      criteria: 33,
      pointsOfFocus: [],
      owner: 'Security Lead',
      frequency: 'quarterly',
      status: 'implemented',
      justification: undefined,
      implemented: '2025-11-01',
      retired: undefined,
      type: 'preventive',
      automated: false,
      policies: [{ id: 'information-security', label: 'information-security policy', linked: true }],
      procedures: [{ id: 'access-review', label: 'Access review', linked: true }],
      publicSummary: 'We run a security program.',
      operating: 'operating',
      test: 'inspection',
    });
  });
});

describe('an evidence series on the auditor site', () => {
  it('lists its artifacts newest first whatever the order of the file, each with the period it evidences', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      /artifacts:\n[^]*?\n---/,
      'artifacts:\n  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }\n' +
        '  - { collected: 2026-01-04, period: 2025-Q4, location: "https://docs.test.example/q4.pdf" }\n' +
        '  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }\n---',
    );
    const [entry] = projections(files).evidence;
    expect(entry!.artifacts.map((artifact) => [artifact.collected, artifact.periodLabel])).toEqual([
      ['2026-07-03', '2026-Q2'],
      ['2026-04-05', '2026-Q1'],
      ['2026-01-04', '2025-Q4'],
    ]);
    expect(entry!.latestCollected).toBe('2026-07-03');
  });

  it('labels an artifact without a period by the period of its frequency it was performed in, by month when none', () => {
    const files = {
      ...validProgram(),
      'evidence-index/EV-MONTHLY.mdx': series(
        'EV-MONTHLY',
        'BASE-01',
        'weekly',
        '\n  - { collected: 2026-03-04, location: "https://docs.test.example/w.pdf" }',
      ),
      'evidence-index/EV-EVENTS.mdx': series(
        'EV-EVENTS',
        'BASE-01',
        'per-event',
        '\n  - { collected: 2026-03-04, location: "https://docs.test.example/e.pdf" }',
      ),
    };
    const labels = projections(files).evidence.map((entry) => [entry.id, entry.artifacts.map((a) => a.periodLabel)]);
    expect(labels).toEqual([
      ['EV-BASE-01', ['2026-Q2', '2026-Q1']],
      ['EV-EVENTS', ['2026-03']],
      ['EV-MONTHLY', ['2026-W10']],
    ]);
  });

  it('labels an artifact whose period names no real week as it is written', () => {
    const files = {
      ...validProgram(),
      'evidence-index/EV-WEEKLY.mdx': series(
        'EV-WEEKLY',
        'BASE-01',
        'weekly',
        '\n  - { collected: 2026-01-02, period: 2025-W53, location: "https://docs.test.example/w.pdf" }',
      ),
    };
    const weekly = projections(files).evidence.find((entry) => entry.id === 'EV-WEEKLY');
    expect(weekly!.artifacts.map((artifact) => artifact.periodLabel)).toEqual(['2025-W53']);
  });

  it('has no latest artifact when it has none', () => {
    const files = { ...validProgram(), 'evidence-index/EV-EMPTY.mdx': series('EV-EMPTY', 'BASE-01', 'annual', ' []') };
    const empty = projections(files).evidence.find((entry) => entry.id === 'EV-EMPTY');
    expect(empty).toMatchObject({ artifacts: [], latestCollected: undefined, owner: 'Chief Executive Officer' });
  });

  it('holds every field of the series, with its owner named by role and its periods in the window', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      'frequency: quarterly',
      'frequency: quarterly\nfrequency_note: Each quarter.',
    );
    const [entry] = projections(files).evidence;
    expect({
      ...entry,
      artifacts: entry!.artifacts.length,
      timeline: entry!.timeline().map((cell) => cell.period.label),
    }).toEqual({
      kind: 'evidence',
      id: 'EV-BASE-01',
      file: EVIDENCE,
      title: 'Baseline review record',
      controls: ['BASE-01'],
      owner: 'Security Lead',
      frequency: 'quarterly',
      frequencyNote: 'Each quarter.',
      artifacts: 2,
      latestCollected: '2026-07-03',
      exceptions: [],
      population: [],
      timeline: ['2026-Q1', '2026-Q2'],
    });
  });

  it('is the evidence of each control it names, in the order of the files, and a control with none has none', () => {
    const files = {
      ...validProgram(),
      'content/controls/OTHER-01.mdx': validProgram()[CONTROL]!.replace('id: BASE-01', 'id: OTHER-01'),
      'evidence-index/EV-BOTH.mdx': series(
        'EV-BOTH',
        'OTHER-01, BASE-01',
        'annual',
        '\n  - { collected: 2026-03-04, location: "https://docs.test.example/b.pdf" }',
      ),
    };
    const view = projections(files);
    const ids = (id: string) => view.evidenceOf(id).map((entry) => entry.id);
    expect(ids('BASE-01')).toEqual(['EV-BASE-01', 'EV-BOTH']);
    expect(ids('OTHER-01')).toEqual(['EV-BOTH']);
    expect(ids('NOPE-01')).toEqual([]);
  });
});

describe('the files the auditor site serves for a series', () => {
  const content = 'user,system,decision\nada,crm,keep\n';
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  /** The series EV-BASE-01 as the auditor site shows it, checked from a copy of `files` on disk. */
  const onDisk = (files: Files) => {
    const root = mkdtempSync(join(tmpdir(), 'trustbook-auditor-projections-'));
    try {
      writeProgram(root, files);
      return auditorProjections(checkProject(root, { today: '2026-07-15' })).evidence[0]!;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };

  it('are offered as downloads for artifacts and population exports the check verified, and for no other', () => {
    let files = edit(
      validProgram(),
      EVIDENCE,
      'location: "https://docs.test.example/q1.pdf"',
      `file: files/q1.csv, sha256: ${sha(content)}`,
    );
    files = edit(
      files,
      EVIDENCE,
      'frequency: quarterly',
      `frequency: quarterly\npopulation:\n  - { period: 2026-Q1, source: HR system, exported: 2026-04-02, rows: 1, file: files/users.csv, sha256: ${sha(content)} }\n  - { period: 2026-Q2, source: HR system, exported: 2026-07-02, rows: 1, file: files/gone.csv, sha256: ${sha(content)} }`,
    );
    const entry = onDisk({
      ...files,
      'evidence-index/files/q1.csv': content,
      'evidence-index/files/users.csv': content,
    });
    expect(entry.artifacts.map((artifact) => artifact.download)).toEqual([
      undefined,
      { href: 'evidence-files/EV-BASE-01/q1.csv', name: 'q1.csv' },
    ]);
    expect(entry.population.map((population) => [population.file, population.download])).toEqual([
      ['files/users.csv', { href: 'evidence-files/EV-BASE-01/users.csv', name: 'users.csv' }],
      ['files/gone.csv', undefined],
    ]);
  });

  it('leave an artifact without a file with no download, even beside a served file named `undefined`', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      'location: "https://docs.test.example/q1.pdf"',
      `file: "undefined", sha256: ${sha(content)}`,
    );
    const entry = onDisk({ ...files, 'evidence-index/undefined': content });
    expect(entry.artifacts.map((artifact) => [artifact.file, artifact.download])).toEqual([
      [undefined, undefined],
      ['undefined', { href: 'evidence-files/EV-BASE-01/undefined', name: 'undefined' }],
    ]);
  });
});

describe('the risk register on the auditor site', () => {
  it('scores a risk as its likelihood times its impact, and holds every field', () => {
    const files = {
      ...validProgram(),
      'content/risks/r1.md':
        '---\nid: r1\ntitle: Lost laptop\nowner: security-lead\nlikelihood: 2\nimpact: 3\ntreatment: mitigate\ncontrols: [BASE-01]\nresidual: low\nreviewed: 2026-01-05\ndue: 2026-09-30\n---\n\nText.\n',
    };
    expect(projections(files).risks).toEqual([
      {
        kind: 'risk',
        id: 'r1',
        file: 'content/risks/r1.md',
        title: 'Lost laptop',
        owner: 'Security Lead',
        likelihood: 2,
        impact: 3,
        score: 6,
        treatment: 'mitigate',
        residual: 'low',
        reviewed: '2026-01-05',
        due: '2026-09-30',
        controls: ['BASE-01'],
      },
    ]);
  });
});

describe('vendors on the auditor site', () => {
  const vendor = (id: string, extra: string) =>
    `id: ${id}\nname: ${id} Inc\npurpose: Hosting for ${id}.\ncriticality: high\nadded: 2026-01-01\nreviewed: 2026-02-01\n${extra}`;

  it('hold every field with the next review, and the carved-out ones are the subservice organizations', () => {
    const files = {
      ...validProgram(),
      'content/vendors/cloud.yaml': vendor(
        'cloud',
        'subprocessor: true\npublic: true\ncarve_out: true\nassurance: { type: soc2-type2, period_end: 2026-03-31 }\ncsocs:\n  - { control: Physical security of the data centres., criteria: [CC6.4] }\n',
      ),
      'content/vendors/mail.yaml': vendor('mail', 'removed: 2026-06-01\nreview_months: 6\n'),
    };
    const view = projections(files);
    expect(view.vendors).toEqual([
      {
        id: 'cloud',
        name: 'cloud Inc',
        purpose: 'Hosting for cloud.',
        criticality: 'high',
        subprocessor: true,
        published: true,
        removed: undefined,
        assurance: { type: 'soc2-type2', period_end: '2026-03-31' },
        carveOut: true,
        csocs: [{ control: 'Physical security of the data centres.', criteria: ['CC6.4'] }],
        reviewed: '2026-02-01',
        reviewDue: '2027-02-01',
      },
      {
        id: 'mail',
        name: 'mail Inc',
        purpose: 'Hosting for mail.',
        criticality: 'high',
        subprocessor: false,
        published: false,
        removed: '2026-06-01',
        assurance: undefined,
        carveOut: false,
        csocs: [],
        reviewed: '2026-02-01',
        reviewDue: '2026-08-01',
      },
    ]);
    expect(view.subservice.map((entry) => entry.id)).toEqual(['cloud']);
  });
});

describe('staff on the auditor site', () => {
  it('are named by their name, else their id, with their role’s title, latest training and standing', () => {
    const files = edit(
      validProgram(),
      PEOPLE,
      /staff:\n[^]*$/,
      'staff:\n' +
        '  - { id: ada, name: Ada Lovelace, role: ceo, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2026-02-01, 2024-01-12, 2025-02-01] }\n' +
        '  - { id: bo, role: security-lead, hired: 2024-03-01, background_check: 2024-02-20, trainings: [2025-03-01, 2024-03-02], left: 2026-05-31, access_removed: 2026-05-31 }\n',
    );
    expect(projections(files).staff).toEqual([
      {
        id: 'ada',
        name: 'Ada Lovelace',
        role: 'Chief Executive Officer',
        hired: '2024-01-10',
        backgroundCheck: '2024-01-02',
        lastTraining: '2026-02-01',
        left: undefined,
        accessRemoved: undefined,
        current: true,
        trainingDue: '2027-02-01',
      },
      {
        id: 'bo',
        name: 'bo',
        role: 'Security Lead',
        hired: '2024-03-01',
        backgroundCheck: '2024-02-20',
        lastTraining: '2025-03-01',
        left: '2026-05-31',
        accessRemoved: '2026-05-31',
        current: false,
        trainingDue: '2026-03-01',
      },
    ]);
  });

  it('acknowledge policies under their name, each row with the policy’s title and version', () => {
    const files = edit(validProgram(), PEOPLE, '{ id: ada, role', '{ id: ada, name: Ada Lovelace, role');
    const [row] = projections(files).acknowledgements;
    expect(row).toMatchObject({
      person: { id: 'ada', name: 'Ada Lovelace' },
      policy: { id: 'acceptable-use', title: 'acceptable-use policy', version: '1.0' },
      cohort: 'current',
    });
    expect(Object.keys(row!).sort()).toEqual(['cohort', 'disclosed', 'person', 'policy', 'status']);
  });
});

describe('the system description and the assertion on the auditor site', () => {
  it('are absent when the program has none', () => {
    const files = without(without(validProgram(), 'content/system-description.mdx'), 'content/assertion.mdx');
    const view = projections(files);
    expect(view.systemDescription).toBeUndefined();
    expect(view.assertion).toBeUndefined();
  });

  it('give the system description’s heading facts, its owner named by role', () => {
    expect(projections(validProgram()).systemDescription).toEqual({
      kind: 'system-description',
      file: 'content/system-description.mdx',
      title: 'System description',
      owner: 'Security Lead',
      reviewed: '2026-02-01',
    });
  });

  it('word an assertion for a day by that day, and one that states neither as nothing', () => {
    const asOf = edit(validProgram(), 'content/assertion.mdx', /period: .*/, 'as_of: 2026-06-30');
    expect(projections(asOf).assertion?.speaksFor).toBe('2026-06-30');
    const neither = edit(validProgram(), 'content/assertion.mdx', /period: .*\n/, '');
    expect(projections(neither).assertion?.speaksFor).toBe('');
  });
});

describe('the firm’s request lists and the frameworks on the auditor site', () => {
  it('name each list that holds a request by its file, firm and source', () => {
    const files = {
      ...validProgram(),
      'content/requests/test-cpa.yaml':
        'firm: Test CPA\nsource: pbc-2026.xlsx\nrequests:\n  - { id: R-1, request: "Provide the reviews.", controls: [BASE-01], evidence: [EV-BASE-01], confirmed: true }\n',
      'content/requests/empty.yaml': 'firm: Other CPA\nrequests: []\n',
    };
    expect(projections(files).requestLists).toEqual([
      { file: 'content/requests/test-cpa.yaml', firm: 'Test CPA', source: 'pbc-2026.xlsx' },
    ]);
  });

  it('are none besides SOC 2 when the program names no other framework', () => {
    expect(projections(validProgram()).frameworks()).toEqual([]);
  });
});

describe('coverage on the auditor site', () => {
  it('gives each category its counts and each criterion its exclusion and shortfall in words', () => {
    let files = edit(
      validProgram(),
      PROGRAM,
      'warn_within_days: 30',
      'warn_within_days: 30\nexcluded_criteria:\n  - { id: CC9.2, reason: "We use no vendors that touch the system at all." }',
    );
    files = edit(files, CONTROL, 'frequency: quarterly', 'frequency: quarterly\nimplemented: 2026-03-01');
    const [category] = projections(files).coverage;
    expect([category!.category, category!.covered, category!.total]).toEqual(['security', 0, 33]);
    const [first] = category!.criteria;
    expect(first).toMatchObject({
      criterion: { id: 'CC1.1' },
      controls: [{ id: 'BASE-01', title: 'Baseline security program' }],
      exclusion: undefined,
      state: 'partly met',
      shortfall: 'no control in operation from 2026-01-01 to 2026-02-28',
    });
    expect(first!.months.map((month) => `${month.month} ${month.state}`)).toEqual([
      '2026-01 not met',
      '2026-02 not met',
      '2026-03 met',
      '2026-04 met',
      '2026-05 met',
      '2026-06 met',
    ]);
    const excluded = category!.criteria.find((entry) => entry.criterion.id === 'CC9.2');
    expect(excluded!.exclusion).toBe('We use no vendors that touch the system at all.');
  });
});

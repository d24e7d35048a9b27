/**
 * False greens: programs an auditor would fail that the check once passed. Each case starts from
 * `validProgram()` (window 2026-01-01..2026-06-30, evaluated 2026-07-15), plants one way of slipping past a
 * rule, and names the error that now stops it. Line numbers are listed at the top of corpus.ts.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { criteriaOf } from '../../src/catalog/index.ts';
import type { DiagnosticCode } from '../../src/engine/index.ts';
import { edit, validProgram, without, type Files } from '../helpers/program.ts';
import { TEST_SECRET, withGrant } from '../helpers/grants.ts';
import {
  CONTROL,
  EVIDENCE,
  fullProgram,
  PEOPLE,
  POLICY,
  PROGRAM,
  SYSTEM,
  VENDOR,
  type CorpusCase,
  type Expected,
} from './corpus.ts';

const error = (code: DiagnosticCode, file: string, line: number | null, message?: RegExp): Expected =>
  message ? { code, file, line, message } : { code, file, line };

const excluding = (files: Files, entries: string): Files =>
  edit(files, PROGRAM, 'scope: [security]', `scope: [security]\nexcluded_criteria:\n${entries}`);

/** The test program's control and its evidence made per-event, with the given artifacts and population. */
const perEvent = (artifacts: string, population = ''): Files => {
  const files = edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event');
  return edit(
    files,
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts:\n${artifacts}${population}`,
  );
};

/** The test program with one vendor, whose assurance lines are replaced by `fields`. */
const vendor = (fields: string): Files => {
  const files = fullProgram();
  return { ...validProgram(), [VENDOR]: files[VENDOR]!.replace(/^assurance:.*\n/m, fields ? `${fields}\n` : '') };
};

/** The test program with one SOC 2 attestation on the trust center, written as `fields`. */
const ATTESTATION = 'content/trust/attestations/soc2.yaml';
const attestation = (fields: string): Files => ({
  ...validProgram(),
  [ATTESTATION]: `framework: soc2\nauditor: Test CPA\n${fields}\n`,
  'content/trust/documents/bridge.yaml':
    'title: Bridge letter\nurl: https://docs.test.example/bridge.pdf\naccess: nda\n',
});

/**
 * An ISO/IEC 27001 certificate on the trust center: lines 1 framework, 2 auditor, 3 certificate, 4 scope, then
 * `fields` from line 5.
 */
const CERTIFICATE = 'content/trust/attestations/iso27001.yaml';
const certificate = (fields: string): Files => ({
  ...validProgram(),
  [CERTIFICATE]: `framework: iso27001\nauditor: Test Certification Ltd\ncertificate: IS 700001\nscope: The test platform and the team that runs it.\n${fields}\n`,
});

/** The test program with `category` in scope, each of its criteria addressed by a control of its own. */
const inScope = (category: 'privacy' | 'processing-integrity'): Files => {
  const files = edit(validProgram(), PROGRAM, 'scope: [security]', `scope: [security, ${category}]`);
  for (const { id } of criteriaOf(category)) {
    files[`content/controls/${id}.mdx`] =
      `---\nid: C-${id}\ntitle: ${id} control\ncriteria: [${id}]\nowner: security-lead\nfrequency: annual\nstatus: planned\n---\n\nPlanned.\n`;
  }
  return files;
};

const TRUST_DOCUMENT = 'content/trust/documents/report.yaml';
const GRANT = 'content/trust/grants/northwind.yaml';

/** The test program with a public trust document whose `file:` is `file`. */
const trustDocument = (file: string): Files => ({
  ...validProgram(),
  [TRUST_DOCUMENT]: `title: Penetration test summary\nfile: ${file}\naccess: public\n`,
});

export const falseGreens: CorpusCase[] = [
  // 1. Coverage by exclusion
  {
    name: 'every common criterion excluded as "n/a", with no control at all',
    kind: 'false greens',
    files: () =>
      excluding(
        without(without(validProgram(), CONTROL), EVIDENCE),
        criteriaOf('security')
          .map((criterion) => `  - { id: ${criterion.id}, reason: "n/a" }\n`)
          .join(''),
      ),
    expect: error('TB312', PROGRAM, 6, /every criterion of security/i),
  },
  {
    name: 'an exclusion whose reason is "n/a"',
    kind: 'false greens',
    files: () => excluding(validProgram(), '  - { id: CC6.4, reason: "n/a" }\n'),
    expect: error('TB311', PROGRAM, 7, /no reason an auditor can weigh/),
  },
  {
    name: 'an exclusion whose reason is a blank',
    kind: 'false greens',
    files: () => excluding(validProgram(), '  - { id: CC6.4, reason: " " }\n'),
    expect: error('TB104', PROGRAM, 7, /reason/),
  },

  // 2. Readiness mode left on
  {
    name: 'readiness mode left on after the audit window opened hides missing evidence',
    kind: 'false greens',
    files: () =>
      edit(
        edit(validProgram(), EVIDENCE, /artifacts:\n(.*\n){2}/, 'artifacts: []\n'),
        PROGRAM,
        'warn_within_days: 30',
        'warn_within_days: 30\nreadiness: true',
      ),
    expect: error('TB402', EVIDENCE, 7),
  },

  // 3. Per-event controls never tested
  {
    name: 'a per-event series with no population for the window',
    kind: 'false greens',
    files: () => perEvent('  - { collected: 2026-03-02, location: "https://docs.test.example/chg-1.pdf" }\n'),
    expect: error('TB403', EVIDENCE, 6, /no population/),
  },
  {
    name: 'a per-event series with no record, one period said to have had no event and the next listing three',
    kind: 'false greens',
    files: () =>
      edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: per-event'),
        EVIDENCE,
        /frequency: quarterly\nartifacts:\n(.*\n){2}/,
        'frequency: per-event\nartifacts: []\npopulation:\n' +
          '  - { period: 2026-Q1, source: Tickets, exported: 2026-04-01, rows: 0, note: No change was made. }\n' +
          '  - { period: 2026-Q2, source: Tickets, exported: 2026-07-01, rows: 3, location: "https://docs.test.example/c.csv" }\n',
      ),
    expect: error('TB402', EVIDENCE, 7, /EV-BASE-01/),
  },
  {
    name: 'a per-event series whose only artifact is from 2019',
    kind: 'false greens',
    files: () =>
      perEvent(
        '  - { collected: 2019-05-02, location: "https://docs.test.example/chg-1.pdf" }\n',
        'population:\n  - { source: Ticket system, exported: 2026-07-01, rows: 12, location: "https://docs.test.example/p.csv" }\n',
      ),
    expect: error('TB404', EVIDENCE, 7, /no artifact of an event inside the audit window/),
  },
  {
    name: 'a population exported before the end of the period it lists',
    kind: 'false greens',
    files: () =>
      perEvent(
        '  - { collected: 2026-03-02, location: "https://docs.test.example/chg-1.pdf" }\n',
        'population:\n  - { source: Ticket system, exported: 2026-04-01, rows: 12, location: "https://docs.test.example/p.csv" }\n',
      ),
    expect: error('TB405', EVIDENCE, 10, /before the end of the period/),
  },

  // 4. Evidence that predates what it claims
  {
    name: 'an artifact collected before the period it claims began',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        EVIDENCE,
        '{ collected: 2026-07-03, period: 2026-Q2,',
        '{ collected: 2026-03-20, period: 2026-Q2,',
      ),
    expect: error('TB603', EVIDENCE, 9, /claims 2026-Q2, which only began 2026-04-01/),
  },
  {
    name: 'one artifact claiming six months of a monthly control',
    kind: 'false greens',
    files: () =>
      edit(
        edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: monthly'),
        EVIDENCE,
        /frequency: quarterly\nartifacts:\n(.*\n){2}/,
        'frequency: monthly\nartifacts:\n  - { collected: 2026-07-01, period: { start: 2026-01-01, end: 2026-06-30 }, location: "https://docs.test.example/h1.pdf" }\n',
      ),
    expect: error('TB601', EVIDENCE, 7, /no artifact for 2026-01/),
  },

  // 5. Frequencies never compared
  {
    name: 'a quarterly control evidenced only once a year',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        EVIDENCE,
        /frequency: quarterly\nartifacts:\n(.*\n){2}/,
        'frequency: annual\nartifacts:\n  - { collected: 2026-06-20, location: "https://docs.test.example/y.pdf" }\n',
      ),
    expect: error('TB406', CONTROL, 8, /operates quarterly, but its evidence is collected less often/),
  },

  // 8. Lapsed assurance that never lapses
  {
    name: 'a SOC 2 Type II report with no period end',
    kind: 'false greens',
    files: () => vendor('assurance: { type: soc2-type2 }'),
    expect: error('TB510', VENDOR, 10, /no `period_end`/),
  },
  {
    name: 'a SOC 2 report whose period ends in the future',
    kind: 'false greens',
    files: () => vendor('assurance: { type: soc2-type2, period_end: 2026-12-31 }'),
    expect: error('TB802', VENDOR, 10, /after the evaluation date/),
  },
  {
    name: 'a critical subprocessor with no assurance at all',
    kind: 'false greens',
    files: () => edit(vendor(''), VENDOR, 'criticality: high', 'criticality: critical'),
    expect: error('TB511', VENDOR, 5, /critical subprocessor/),
  },

  // Approvals nobody gave
  {
    name: 'a policy that says when it was approved but not by whom',
    kind: 'false greens',
    files: () => edit(validProgram(), POLICY, 'approved_by: ceo\n', ''),
    expect: error('TB215', POLICY, 6, /approved on 2026-03-01 but not by whom/),
  },
  {
    name: 'a policy nobody approved, in a program whose audit has begun',
    kind: 'false greens',
    files: () => edit(validProgram(), POLICY, 'approved_by: ceo\napproved: 2026-03-01\n', ''),
    expect: error('TB214', POLICY, 4, /information-security .* has not been approved: it is a draft/),
  },

  // 9. Dates that cannot be true
  {
    name: 'a policy approved in the future',
    kind: 'false greens',
    files: () => edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: 2026-08-01'),
    expect: error('TB802', POLICY, 7, /approved on 2026-08-01/),
  },
  {
    name: 'a required policy not yet in effect stands in for the one required',
    kind: 'false greens',
    files: () => edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-09-01'),
    expect: error('TB302', PROGRAM, null, /takes effect only 2026-09-01/),
  },
  {
    name: 'security training dated in the future',
    kind: 'false greens',
    files: () =>
      edit(validProgram(), PEOPLE, 'trainings: [2025-02-01, 2026-02-01]', 'trainings: [2026-02-01, 2026-09-01]'),
    expect: error('TB802', PEOPLE, 5, /training of ada completed on 2026-09-01/),
  },
  {
    name: 'a leaver who left before being hired',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        PEOPLE,
        'trainings: [2025-02-01, 2026-02-01] }',
        'trainings: [2025-02-01, 2026-02-01], left: 2023-05-01 }',
      ),
    expect: error('TB805', PEOPLE, 5, /left 2023-05-01, before being hired/),
  },
  {
    name: 'a leaver in the window whose access removal was never recorded',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        PEOPLE,
        'trainings: [2025-02-01, 2026-02-01] }',
        'trainings: [2025-02-01, 2026-02-01], left: 2026-05-15 }',
      ),
    expect: error('TB513', PEOPLE, 5, /no removal of their access is recorded/),
  },
  {
    name: 'a Type II window of two days',
    kind: 'false greens',
    files: () => edit(validProgram(), PROGRAM, 'end: 2026-06-30', 'end: 2026-01-02'),
    expect: error('TB807', PROGRAM, 8, /shorter than 3 months/),
  },
  {
    name: 'a Type II window of 35 months',
    kind: 'false greens',
    files: () =>
      edit(validProgram(), PROGRAM, '{ start: 2026-01-01, end: 2026-06-30 }', '{ start: 2024-01-01, end: 2026-11-30 }'),
    expect: error('TB807', PROGRAM, 8, /longer than 12 months/),
  },
  {
    name: 'a Type I report date with evidence only collected after it',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        PROGRAM,
        '  type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
        '  type: I\n  date: 2026-03-01',
      ),
    expect: error('TB608', EVIDENCE, 7, /after the Type I report date 2026-03-01/),
  },

  // 10. The rest of the review: people, locations, subservice organizations, attestations, categories
  {
    name: 'an artifact kept at localhost',
    kind: 'false greens',
    files: () => edit(validProgram(), EVIDENCE, 'https://docs.test.example/q2.pdf', 'http://localhost:3000/q2.pdf'),
    expect: error('TB704', EVIDENCE, 9, /localhost/),
  },
  {
    name: 'an artifact whose location is TBD',
    kind: 'false greens',
    files: () => edit(validProgram(), EVIDENCE, 'https://docs.test.example/q2.pdf', 'https://TBD'),
    expect: error('TB704', EVIDENCE, 9, /placeholder/),
  },
  {
    name: 'an artifact at a bare site with no document on it',
    kind: 'false greens',
    files: () => edit(validProgram(), EVIDENCE, 'https://docs.test.example/q2.pdf', 'https://drive.acme.com/'),
    expect: error('TB704', EVIDENCE, 9, /bare site/),
  },
  {
    name: 'an artifact under a host reserved never to resolve',
    kind: 'false greens',
    files: () =>
      edit(validProgram(), EVIDENCE, 'https://docs.test.example/q2.pdf', 'https://evidence.acme.invalid/q2.pdf'),
    expect: error('TB704', EVIDENCE, 9, /\.invalid/),
  },
  {
    name: 'a policy approved by someone who had already left',
    kind: 'false greens',
    files: () =>
      edit(
        edit(validProgram(), POLICY, 'approved_by: ceo', 'approved_by: ada'),
        PEOPLE,
        'trainings: [2025-02-01, 2026-02-01] }',
        'trainings: [2025-02-01, 2026-02-01], left: 2026-02-27, access_removed: 2026-02-27 }',
      ),
    expect: error('TB809', POLICY, 6, /ada was not on staff on 2026-03-01/),
  },
  {
    name: "management's assertion signed by a role nobody on staff held that day",
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        PEOPLE,
        'trainings: [2025-02-01, 2026-02-01] }',
        'trainings: [2025-02-01, 2026-02-01], left: 2026-07-09, access_removed: 2026-07-09 }',
      ),
    expect: error('TB809', 'content/assertion.mdx', 4, /no one holding the role ceo was on staff on 2026-07-10/),
  },
  {
    name: 'a SOC 2 badge for a report issued before its period ended',
    kind: 'false greens',
    files: () => attestation('report_type: II\nperiod: { start: 2025-07-01, end: 2026-06-30 }\nissued: 2026-05-15'),
    expect: error('TB538', ATTESTATION, 5, /issued on 2026-05-15, before the period it covers ended/),
  },
  {
    name: 'a SOC 2 Type II badge for an 18-month period',
    kind: 'false greens',
    files: () => attestation('report_type: II\nperiod: { start: 2025-01-01, end: 2026-06-30 }\nissued: 2026-07-10'),
    expect: error('TB538', ATTESTATION, 4, /longer than the 12 months/),
  },
  {
    name: 'a SOC 2 badge kept current by a bridge letter dated into the future',
    kind: 'false greens',
    files: () =>
      attestation(
        'report_type: II\nperiod: { start: 2025-01-01, end: 2025-12-31 }\nissued: 2026-02-01\nbridge_letters:\n  - { document: bridge, through: 2026-12-31 }',
      ),
    expect: error('TB538', ATTESTATION, 7, /up to 2026-12-31, which have not yet passed/),
  },
  {
    name: 'an ISO/IEC 27001 badge for a certificate past its expiry date',
    kind: 'false greens',
    files: () => certificate('issued: 2023-07-01\nexpires: 2026-06-30\nsurveillance_audits: [2024-06-10, 2025-06-12]'),
    expect: error('TB358', CERTIFICATE, 6, /expired on 2026-06-30; the trust center shows no badge/),
  },
  {
    name: 'an ISO/IEC 27001 badge for a certificate whose first surveillance audit never happened',
    kind: 'false greens',
    files: () => certificate('issued: 2025-06-01\nexpires: 2028-05-31'),
    expect: error('TB359', CERTIFICATE, 5, /needed a surveillance audit by 2026-06-01 \(none is recorded\)/),
  },
  {
    name: 'an ISO/IEC 27001 badge for a certificate running five years',
    kind: 'false greens',
    files: () => certificate('issued: 2025-01-10\nexpires: 2030-01-09\nsurveillance_audits: [2025-12-01]'),
    expect: error('TB360', CERTIFICATE, 6, /longer than the 3 years of a certification cycle/),
  },
  {
    name: 'a HIPAA badge from an attestation, when nobody certifies HIPAA',
    kind: 'false greens',
    files: () => ({
      ...validProgram(),
      'content/trust/attestations/hipaa.yaml':
        'framework: hipaa\nauditor: Test Assessors LLC\nperiod: { start: 2026-01-01, end: 2026-03-31 }\nissued: 2026-04-15\n',
    }),
    expect: error('TB361', 'content/trust/attestations/hipaa.yaml', 1, /nobody certifies HIPAA/),
  },
  {
    name: 'a subservice organization carved out on the strength of a Type I report',
    kind: 'false greens',
    files: () =>
      vendor(
        'carve_out: true\nassurance: { type: soc2-type1, period_end: 2026-02-28 }\ncsocs:\n  - { control: "Data centre access", criteria: [CC6.4] }',
      ),
    expect: error('TB515', VENDOR, 11, /SOC 2 Type I report/),
  },
  {
    name: "a vendor's report kept alive by a bridge letter nine months long",
    kind: 'false greens',
    files: () =>
      vendor(
        'assurance:\n  type: soc2-type2\n  period_end: 2025-09-30\n  bridge_letter: { covers_until: 2026-06-30, location: "https://docs.test.example/bridge.pdf" }',
      ),
    expect: error('TB516', VENDOR, 13, /more than 3 months past the report's period/),
  },
  {
    name: "a vendor's bridge letter that speaks for days still to come",
    kind: 'false greens',
    files: () =>
      vendor(
        'assurance:\n  type: soc2-type2\n  period_end: 2026-05-31\n  bridge_letter: { covers_until: 2026-08-31, location: "https://docs.test.example/bridge.pdf" }',
      ),
    expect: error('TB516', VENDOR, 13, /past the evaluation date 2026-07-15/),
  },
  {
    name: 'a carved-out subservice organization whose current report nobody reviewed',
    kind: 'false greens',
    files: () =>
      vendor(
        'carve_out: true\nassurance: { type: soc2-type2, period_end: 2026-06-30 }\ncsocs:\n  - { control: "Data centre access", criteria: [CC6.4] }',
      ),
    expect: error('TB517', VENDOR, 9, /nobody has reviewed that report/),
  },
  {
    name: 'a subprocessor recorded as removed on a day still to come, hiding it from the trust center early',
    kind: 'false greens',
    files: () => vendor('assurance: { type: soc2-type2, period_end: 2026-02-28 }\nremoved: 2026-09-01'),
    expect: error('TB518', VENDOR, 11, /a day still to come/),
  },
  {
    name: 'a CUEC that supports a criterion of a category out of scope',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        PROGRAM,
        'warn_within_days: 30',
        'warn_within_days: 30\ncuecs:\n  - { id: CUEC-1, control: "Customers manage their users", criteria: [CC6.2, P4.1] }',
      ),
    expect: error(
      'TB330',
      PROGRAM,
      13,
      /P4\.1, which the report does not cover: its category \(privacy\) is not in scope/,
    ),
  },
  {
    name: 'privacy in scope with every criterion mapped, and no privacy notice',
    kind: 'false greens',
    files: () => inScope('privacy'),
    expect: error('TB331', PROGRAM, 5, /no policy in force addresses P1\.1/),
  },
  {
    name: 'processing integrity in scope with every criterion mapped, and no processing specifications',
    kind: 'false greens',
    files: () => inScope('processing-integrity'),
    expect: error('TB332', PROGRAM, 5, /no policy in force addresses PI1\.1/),
  },
  {
    name: 'a control whose only test is asking the people who run it',
    kind: 'false greens',
    files: () => edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\ntest: inquiry'),
    expect: error('TB334', CONTROL, 9, /inquiry alone/),
  },

  // 11. Throughout the period: judged on every day of the window, not on the evaluation date
  {
    name: 'the only control for the common criteria implemented three months into the window',
    kind: 'false greens',
    files: () => edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nimplemented: 2026-04-01'),
    expect: error(
      'TB314',
      PROGRAM,
      8,
      /33 criteria \(CC1\.1, .*\) had no control in operation from 2026-01-01 to 2026-03-31/,
    ),
  },
  {
    name: 'the only control for the common criteria retired a month before the window ended',
    kind: 'false greens',
    files: () => edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nretired: 2026-05-31'),
    expect: error('TB314', PROGRAM, 8, /had no control in operation from 2026-06-01 to 2026-06-30/),
  },
  {
    name: 'a control that never ran: every quarter disclosed as an exception, no artifact',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        EVIDENCE,
        /artifacts:\n(.*\n){2}/,
        `artifacts: []\nexceptions:\n${['2026-Q1', '2026-Q2'].map((period) => `  - { period: ${period}, description: "Not run.", disclosed: 2026-07-05, response: "Will run." }\n`).join('')}`,
      ),
    expect: error('TB610', EVIDENCE, 8, /never ran/),
  },
  {
    name: 'a disclosed exception in one of the two quarters of the only control for the common criteria',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        EVIDENCE,
        '---\n\nExported',
        'exceptions:\n  - { period: 2026-Q1, description: "Skipped.", disclosed: 2026-07-05, response: "Runs now." }\n---\n\nExported',
      ),
    expect: error(
      'TB315',
      PROGRAM,
      8,
      /were not met from 2026-01-01 to 2026-06-30: BASE-01 did not operate effectively/,
    ),
  },
  {
    name: 'the first version of a required policy took effect two months into the window',
    kind: 'false greens',
    files: () => edit(validProgram(), POLICY, 'in_force_since: 2025-01-01\n', ''),
    expect: error('TB316', POLICY, 8, /in force only since 2026-03-01, after the period began on 2026-01-01/),
  },
  {
    name: 'an exception disclosed before the period it concerns began',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        EVIDENCE,
        '---\n\nExported',
        'exceptions:\n  - { period: 2026-Q2, description: "Late.", disclosed: 2026-02-01, response: "Noted." }\n---\n\nExported',
      ),
    expect: error('TB611', EVIDENCE, 11, /disclosed 2026-02-01, before the period began on 2026-04-01/),
  },
  {
    name: 'a leaver untrained for the month they worked in the window, with nothing overdue today',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        PEOPLE,
        'staff:\n',
        'staff:\n  - { id: bo, role: ceo, hired: 2020-01-10, background_check: 2020-01-02, left: 2026-01-31, access_removed: 2026-01-31 }\n',
      ),
    expect: error('TB526', PEOPLE, 5, /bo went without current security training from 2026-01-01 to 2026-01-31/),
  },

  // Files that are not what their paths say
  {
    name: 'a public trust document whose file is a symbolic link to /etc/passwd',
    kind: 'false greens',
    needs: 'symlinks',
    files: () => trustDocument('content/trust/files/report.pdf'),
    disk: (root) => {
      mkdirSync(join(root, 'content/trust/files'), { recursive: true });
      symlinkSync('/etc/passwd', join(root, 'content/trust/files/report.pdf'));
    },
    expect: error('TB011', TRUST_DOCUMENT, 2, /is a symbolic link/),
  },
  {
    name: "a public trust document whose file is the repository's .git/config",
    kind: 'false greens',
    files: () => trustDocument('content/trust/files/../../../.git/config'),
    disk: (root) => {
      mkdirSync(join(root, '.git'), { recursive: true });
      writeFileSync(join(root, '.git/config'), '[remote "origin"]\n\turl = https://token@git.test.example/x\n');
    },
    expect: error('TB011', TRUST_DOCUMENT, 2, /`\.\.`/),
  },
  {
    name: "a public trust document whose file is a dot-folder's file inside the trust files",
    kind: 'false greens',
    files: () => trustDocument('content/trust/files/.git/config'),
    disk: (root) => {
      mkdirSync(join(root, 'content/trust/files/.git'), { recursive: true });
      writeFileSync(join(root, 'content/trust/files/.git/config'), '[core]\n');
    },
    expect: error('TB011', TRUST_DOCUMENT, 2, /dot-folder/),
  },
  {
    name: 'a trust document named .pdf that is an HTML page',
    kind: 'false greens',
    files: () => ({
      ...trustDocument('content/trust/files/report.pdf'),
      'content/trust/files/report.pdf': '<!DOCTYPE html><script>alert(1)</script>\n',
    }),
    disk: true,
    expect: error('TB011', TRUST_DOCUMENT, 2, /not a PDF: it starts with "<!DOC"/),
  },

  // Script in the reader's browser
  {
    name: 'a policy that links to a javascript: address written with character references',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        POLICY,
        /---\n\n/,
        '---\n\nRead [the policy](jav&#x61;script&#x3A;alert(document.domain)).\n\n',
      ),
    expect: error('TB010', POLICY, 12, /a link goes to "javascript:alert\(document\.domain\)"/),
  },
  {
    name: 'a policy published with the conflict markers of an unfinished merge',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        POLICY,
        /---\n\n/,
        '---\n\n<<<<<<< client\nAccess is reviewed every year.\n=======\nAccess is reviewed every quarter.\n>>>>>>> library, now\n\n',
      ),
    expect: error('TB012', POLICY, 12, /merge conflict markers \(lines 12 to 16\)/),
  },
  {
    name: 'a request-access form posting to a plain http: address',
    kind: 'false greens',
    files: () =>
      edit(
        validProgram(),
        PROGRAM,
        'warn_within_days: 30',
        'warn_within_days: 30\nrequest_access_url: http://forms.test.example/requests',
      ),
    expect: error('TB104', PROGRAM, 12, /https/),
  },

  // The NDA tier
  {
    name: 'a grant secret that is a long human phrase',
    kind: 'false greens',
    files: () => withGrant(),
    options: { grantSecret: 'tallowbrook-trust-center-grant-secret-for-2026' },
    expect: error('TB537', GRANT, 1, /is not a generated secret/),
  },
  {
    name: 'a grant with no salt, whose re-issue would revive its old link',
    kind: 'false greens',
    files: () => withGrant({ salt: '' }),
    options: { grantSecret: TEST_SECRET },
    expect: error('TB550', GRANT, 1, /has no `salt`/),
  },
  {
    name: 'a deployed build that publishes grants as of a pinned date',
    kind: 'false greens',
    files: () => withGrant(),
    options: { grantSecret: TEST_SECRET, deploy: true },
    expect: error('TB551', PROGRAM, 10, /pinned to 2026-07-15/),
  },
  {
    name: 'a deployed build without the grant secret while a grant is current',
    kind: 'false greens',
    files: () => withGrant(),
    options: { deploy: true },
    expect: error('TB536', GRANT, 1, /this is the deployed build/),
  },

  // The system description
  {
    name: 'a system description whose DC7 section is only an example inside a code block',
    kind: 'false greens',
    files: () => edit(validProgram(), SYSTEM, '## DC7 Section\n', '```markdown\n## DC7 Section\n```\n'),
    expect: error('TB305', SYSTEM, 6, /no section for DC7/),
  },

  // Content that runs code in the build
  {
    name: 'a content-only program whose control narrative prints the grant secret',
    kind: 'false greens',
    files: () =>
      edit(
        edit(validProgram(), PROGRAM, 'warn_within_days: 30', 'warn_within_days: 30\ncontent_only: true'),
        CONTROL,
        /---\n\n/,
        '---\n\nThe key is {process.env.TRUSTBOOK_GRANT_SECRET}.\n\n',
      ),
    expect: error('TB009', CONTROL, 11, /`\{process\.env\.TRUSTBOOK_GRANT_SECRET\}` would run when the site is built/),
  },

  // A body the check passed and the build cannot render
  {
    name: 'a policy body that prints a year nothing defines, {year}',
    kind: 'false greens',
    files: () => edit(validProgram(), POLICY, 'of the test company.', 'of the test company, as of {year}.'),
    expect: error('TB013', POLICY, 14, /`\{year\}` reads `year`, which nothing defines/),
  },
  {
    name: 'a control narrative that uses a component nobody gave it, <Chart />',
    kind: 'false greens',
    files: () => edit(validProgram(), CONTROL, /---\n\n/, '---\n\n<Chart kind="uptime" />\n\n'),
    expect: error('TB014', CONTROL, 11, /the component `<Chart>` is neither one bodies are rendered with/),
  },

  // A variable bound at build time that the build has no value for, or cannot read
  {
    name: 'a policy naming a variable the client never answered, <Var name="ticketing" />',
    kind: 'false greens',
    files: () => ({
      ...edit(validProgram(), POLICY, 'of the test company.', 'of <Var name="ticketing" />.'),
      [SYNC_RECORD]: syncRecord('organization: Test Co'),
    }),
    expect: error(
      'TB030',
      POLICY,
      14,
      /reads the variable ticketing, which has no value in this program \(it has organization\)/,
    ),
  },
  {
    name: 'a variable whose name is computed, <Var name={who} />, in a program that allows code',
    kind: 'false greens',
    files: () => ({
      ...edit(validProgram(), POLICY, 'of the test company.', 'of <Var name={"organization"} />.'),
      [SYNC_RECORD]: syncRecord('organization: Test Co'),
    }),
    expect: error('TB031', POLICY, 14, /computes an attribute with `\{…\}`/),
  },
  {
    name: 'the managed-by line asked for in a program no workspace manages',
    kind: 'false greens',
    files: () =>
      edit(validProgram(), PROGRAM, 'warn_within_days: 30', 'warn_within_days: 30\nbrand:\n  managed_by: true'),
    expect: error('TB033', PROGRAM, 13, /names no partner/),
  },
];

const SYNC_RECORD = '.trustbook-sync/sync.yaml';

/** A workspace client's sync record with the given answers (YAML lines, indented by the caller's two spaces). */
function syncRecord(answers: string): string {
  return `layers:\n  - { name: Baseline, version: '1' }\nsynced: '2026-07-01'\nanswers:\n  ${answers}\n`;
}

/**
 * False greens of the frameworks besides SOC 2: programs with ISO/IEC 27001, HIPAA or CSF in scope that look
 * complete and are not. Each starts from a complete framework program (test/helpers/frameworks.ts): program.yaml's
 * `frameworks:` is line 12 and the framework's key line 13; BASE-01's citations are line 9; the Statement of
 * Applicability's first entry (A.5.1) is line 8.
 */
import type { DiagnosticCode } from '../../src/engine/index.ts';
import {
  CONTROL,
  csfProgram,
  hipaaDecisions,
  hipaaProgram,
  isoProgram,
  PROGRAM,
  SOA,
  soaLine,
  soaText,
} from '../helpers/frameworks.ts';
import { edit, validProgram, without } from '../helpers/program.ts';
import type { CorpusCase, Expected } from './corpus.ts';

const error = (code: DiagnosticCode, file: string, line: number | null, message?: RegExp): Expected =>
  message ? { code, file, line, message } : { code, file, line };

export const frameworkFalseGreens: CorpusCase[] = [
  {
    name: 'a control citing an ISO requirement that does not exist (A.5.38)',
    kind: 'false greens',
    files: () => edit(isoProgram(), CONTROL, 'iso: [', 'iso: ["A.5.38", '),
    expect: error('TB340', CONTROL, 9, /`A\.5\.38` is not a requirement of ISO\/IEC 27001:2022/),
  },
  {
    name: 'a control citing a CSF 1.1 subcategory withdrawn in 2.0',
    kind: 'false greens',
    files: () => edit(csfProgram(), CONTROL, 'csf: [', 'csf: ["ID.BE-01", '),
    expect: error('TB340', CONTROL, 9, /`ID\.BE-01` is not a requirement of NIST Cybersecurity Framework 2\.0/),
  },
  {
    name: 'HIPAA citations on a control while HIPAA is not in scope',
    kind: 'false greens',
    files: () =>
      edit(validProgram(), CONTROL, 'frequency: quarterly\n', 'frequency: quarterly\nhipaa: ["164.312(b)"]\n'),
    expect: error('TB341', CONTROL, 9, /does not have HIPAA Security Rule .* in scope/),
  },
  {
    name: 'a CSF function in scope with none of its subcategories cited',
    kind: 'false greens',
    files: () => edit(csfProgram(['GV']), PROGRAM, 'functions: [GV]', 'functions: [GV, DE]'),
    expect: error('TB342', PROGRAM, 13, /^DE\.AE-02 \(.+\) has no implemented control citing it/),
  },
  {
    name: 'an ISO clause requirement cited only by a planned control',
    kind: 'false greens',
    files: () => {
      const files = edit(isoProgram(), CONTROL, '"9.3.3", ', '');
      files['content/controls/PLAN-01.mdx'] =
        '---\nid: PLAN-01\ntitle: Management review\ncriteria: [CC1.2]\niso: ["9.3.3"]\nowner: ceo\nfrequency: annual\nstatus: planned\n---\n\nPlanned.\n';
      return files;
    },
    expect: error('TB342', PROGRAM, 13, /^9\.3\.3 \(.+\) has no implemented control citing it/),
  },
  {
    name: 'HIPAA requirements cited by a control implemented months into the window',
    kind: 'false greens',
    files: () =>
      edit(hipaaProgram(), CONTROL, 'frequency: quarterly\n', 'frequency: quarterly\nimplemented: 2026-04-01\n'),
    expect: error('TB343', PROGRAM, 8, /requirements \(.+\) had no control in operation from 2026-01-01 to 2026-03-31/),
  },
  {
    name: 'ISO/IEC 27001 in scope without a Statement of Applicability',
    kind: 'false greens',
    files: () => without(isoProgram(), SOA),
    expect: error('TB345', PROGRAM, 13, /no Statement of Applicability/),
  },
  {
    name: 'a Statement of Applicability that leaves an Annex A control undecided',
    kind: 'false greens',
    files: () => ({ ...isoProgram(), [SOA]: soaText({ 'A.8.23': null }) }),
    expect: error('TB346', SOA, 7, /decides nothing for A\.8\.23$/),
  },
  {
    name: 'an Annex A exclusion whose justification is "n/a"',
    kind: 'false greens',
    files: () => ({ ...isoProgram(), [SOA]: soaText({ 'A.7.4': '{ applicable: false, justification: "n/a" }' }) }),
    expect: error('TB347', SOA, soaLine('A.7.4'), /the exclusion of A\.7\.4 gives no justification/),
  },
  {
    name: 'an Annex A exclusion with no justification at all',
    kind: 'false greens',
    files: () => ({ ...isoProgram(), [SOA]: soaText({ 'A.7.4': '{ applicable: false }' }) }),
    expect: error('TB347', SOA, soaLine('A.7.4'), /A\.7\.4 is excluded .* without a justification/),
  },
  {
    name: 'an applicable Annex A control no control cites and no document implements',
    kind: 'false greens',
    files: () => edit(isoProgram(), CONTROL, '"A.8.24", ', ''),
    expect: error('TB348', SOA, soaLine('A.8.24'), /A\.8\.24 \(.+\) is applicable .* no implemented control cites it/),
  },
  {
    name: 'an applicable Annex A control without any reason for including it',
    kind: 'false greens',
    files: () => ({ ...isoProgram(), [SOA]: soaText({ 'A.5.9': '{ applicable: true, status: implemented }' }) }),
    expect: error('TB351', SOA, soaLine('A.5.9'), /gives no reason for including it/),
  },
  {
    name: 'a Statement of Applicability past its review',
    kind: 'false greens',
    files: () => ({ ...isoProgram(), [SOA]: soaText({}, '2025-06-30') }),
    expect: error('TB349', SOA, 5, /was due for review on 2026-06-30/),
  },
  {
    name: 'an addressable HIPAA specification with no decision',
    kind: 'false greens',
    files: () => hipaaProgram(hipaaDecisions({ '164.308(a)(5)(ii)(A)': null })),
    expect: error(
      'TB352',
      PROGRAM,
      16,
      /addressable specification 164\.308\(a\)\(5\)\(ii\)\(A\) \(.+\) has no recorded decision/,
    ),
  },
  {
    name: 'an addressable HIPAA specification found not reasonable with the rationale "n/a"',
    kind: 'false greens',
    files: () =>
      hipaaProgram(
        hipaaDecisions({
          '164.310(d)(2)(iv)': '{ decision: not-reasonable, rationale: "n/a", approved_by: ceo, approved: 2026-02-01 }',
        }),
      ),
    expect: error('TB353', PROGRAM, 33, /`rationale` of the decision for 164\.310\(d\)\(2\)\(iv\) says nothing/),
  },
  {
    name: 'a required HIPAA specification "decided" not reasonable',
    kind: 'false greens',
    files: () =>
      hipaaProgram(
        hipaaDecisions() +
          '      164.312(a)(2)(i): { decision: not-reasonable, rationale: "Our users share one login on the ward.", approved_by: ceo, approved: 2026-02-01 }\n',
      ),
    expect: error(
      'TB354',
      PROGRAM,
      39,
      /164\.312\(a\)\(2\)\(i\) has a decision, but it is a required implementation specification/,
    ),
  },
  {
    name: 'HIPAA documentation kept three years',
    kind: 'false greens',
    files: () => hipaaProgram(hipaaDecisions(), 3),
    expect: error('TB355', PROGRAM, 15, /keeps its documentation 3 years .* six years/),
  },
];

import { describe, expect, it } from 'vitest';
import { csfSubcategories } from '../../src/catalog/index.ts';
import { frameworkCoverage, requirementsInScope } from '../../src/engine/framework-coverage.ts';
import { buildModel } from '../../src/engine/index.ts';
import {
  CONTROL,
  csfProgram,
  hipaaDecisions,
  hipaaProgram,
  isoProgram,
  PROGRAM,
  soaText,
} from '../helpers/frameworks.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const errors = (files: Files) => check(files).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

describe('framework scope and citations', () => {
  it('passes a program with ISO/IEC 27001, HIPAA or CSF in scope and every requirement cited', () => {
    expect(errors(isoProgram())).toEqual([]);
    expect(errors(hipaaProgram())).toEqual([]);
    expect(errors(csfProgram(['GV', 'DE']))).toEqual([]);
  });

  it('names an unknown requirement and suggests the nearest id', () => {
    const files = edit(csfProgram(), CONTROL, 'csf: [', 'csf: ["GV.OC-1", ');
    const [found] = findings(check(files), 'TB340');
    expect(found).toMatchObject({ file: CONTROL, line: 9 });
    expect(found?.message).toBe('`GV.OC-1` is not a requirement of NIST Cybersecurity Framework 2.0');
    expect(found?.hint).toBe('Did you mean `GV.OC-01`?');
  });

  it('answers a withdrawn CSF 1.1 id, an ISO grouping number and a HIPAA standard with what to cite instead', () => {
    const csf = findings(check(edit(csfProgram(), CONTROL, 'csf: [', 'csf: ["PR.AC-01", ')), 'TB340');
    expect(csf[0]?.hint).toMatch(/CSF 1\.1 id that CSF 2\.0 withdrew/);
    const iso = findings(check(edit(isoProgram(), CONTROL, 'iso: [', 'iso: ["9.2", ')), 'TB340');
    expect(iso[0]?.hint).toBe('9.2 groups the requirements 9.2.1, 9.2.2: cite those the control meets.');
    const hipaa = findings(check(edit(hipaaProgram(), CONTROL, 'hipaa: [', 'hipaa: ["164.308(a)(1)(i)", ')), 'TB340');
    expect(hipaa[0]?.hint).toMatch(
      /is a standard met through its implementation specifications: .*164\.308\(a\)\(1\)\(ii\)\(A\)/,
    );
  });

  it('refuses citations of a framework the program does not have in scope', () => {
    const files = edit(validProgram(), CONTROL, 'frequency: quarterly\n', 'frequency: quarterly\ncsf: [GV.OC-01]\n');
    const [found] = findings(check(files), 'TB341');
    expect(found).toMatchObject({ severity: 'error', file: CONTROL, line: 9 });
    expect(found?.hint).toMatch(/Add `csf` under `frameworks:`/);
  });

  it('reports each in-scope requirement no control cites, and only those of the functions in scope', () => {
    const files = edit(csfProgram(['GV']), PROGRAM, 'functions: [GV]', 'functions: [GV, RC]');
    const found = findings(check(files), 'TB342');
    const recover = csfSubcategories.filter((sub) => sub.function === 'RC').map((sub) => sub.id);
    expect(found.map((finding) => finding.subject?.id).sort()).toEqual([...recover].sort());
    expect(found[0]).toMatchObject({ file: PROGRAM, line: 13 });
    expect(found.find((finding) => finding.subject?.id === 'RC.RP-01')?.message).toMatch(
      /^RC\.RP-01 \(.+\) has no implemented control citing it, and NIST Cybersecurity Framework 2\.0 is in scope$/,
    );
  });

  it('keeps the group health plan requirements out of scope unless the program sponsors one', () => {
    const model = (files: Files) => buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
    const without = requirementsInScope(model(hipaaProgram()).program?.data, 'hipaa').map((entry) => entry.id);
    expect(without.some((id) => id.startsWith('164.314(b)'))).toBe(false);
    const sponsor = edit(
      hipaaProgram(),
      PROGRAM,
      'role: business-associate',
      'role: covered-entity\n    group_health_plan: true',
    );
    const found = findings(check(sponsor), 'TB342').map((finding) => finding.subject?.id);
    expect(found).toContain('164.314(b)(2)(i)');
  });

  it('keeps the clearinghouse and government-entity requirements out of scope unless the program says they bind it', () => {
    const uncited = (files: Files) => findings(check(files), 'TB342').map((finding) => finding.subject?.id);
    const base = edit(hipaaProgram(), CONTROL, '"164.308(a)(4)(ii)(A)", ', '');
    expect(uncited(edit(base, CONTROL, '"164.314(a)(2)(ii)", ', ''))).toEqual([]);
    const bound = edit(base, PROGRAM, 'role: business-associate', 'role: covered-entity\n    clearinghouse: true');
    expect(uncited(bound)).toEqual(['164.308(a)(4)(ii)(A)']);
  });

  it('judges a cited requirement on every day of the window: a control implemented after it opened leaves a gap', () => {
    const day = (implemented: string) =>
      findings(
        check(
          edit(csfProgram(), CONTROL, 'frequency: quarterly\n', `frequency: quarterly\nimplemented: ${implemented}\n`),
        ),
        'TB343',
      );
    expect(day('2026-01-01')).toEqual([]);
    const [late] = day('2026-01-02');
    expect(late?.message).toMatch(/^\d+ requirements \(GV\.OC-01, .*\) had no control in operation on 2026-01-01;/);
    expect(late?.line).toBe(8);
    expect(day('2025-12-31')).toEqual([]);
  });

  it('finds a requirement not met where its only control did not operate effectively', () => {
    const files = edit(
      csfProgram(),
      'evidence-index/EV-BASE-01.mdx',
      '---\n\nExported',
      'exceptions:\n  - { period: 2026-Q1, description: "The review did not run.", disclosed: 2026-07-05, response: "Run it now.", remediated: 2026-07-10 }\n---\n\nExported',
    );
    const [unmet] = findings(check(files), 'TB344');
    expect(unmet?.message).toMatch(
      /^\d+ requirements \(GV\.OC-01, .*\) were not met from 2026-01-01 to 2026-06-30: BASE-01 did not operate effectively/,
    );
  });

  it('works coverage out once per model and date', () => {
    const { model } = buildModel(Object.entries(csfProgram()).map(([path, text]) => ({ path, text })));
    expect(frameworkCoverage(model, '2026-07-15', 'csf')).toBe(frameworkCoverage(model, '2026-07-15', 'csf'));
  });
});

describe('HIPAA decisions', () => {
  const decision = '164.312(a)(2)(iv)';

  it('needs a decision for each addressable specification in scope', () => {
    const found = findings(check(hipaaProgram(hipaaDecisions({ [decision]: null }))), 'TB352');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: PROGRAM, line: 16, subject: { kind: 'program', id: decision } });
    expect(found[0]?.message).toMatch(
      /^the addressable specification 164\.312\(a\)\(2\)\(iv\) \(.+\) has no recorded decision$/,
    );
    // The undecided specification is not also reported uncited: one broken thing, one finding.
    const uncited = edit(hipaaProgram(hipaaDecisions({ [decision]: null })), CONTROL, `"${decision}", `, '');
    expect(findings(check(uncited), 'TB342')).toEqual([]);
  });

  it('needs the measure and the reason for an alternative, and the reason for not-reasonable', () => {
    const alternative = hipaaProgram(
      hipaaDecisions({
        [decision]: '{ decision: alternative, rationale: n/a, approved_by: ceo, approved: 2026-02-01 }',
      }),
    );
    const found = findings(check(alternative), 'TB353');
    expect(found.map((finding) => finding.message)).toEqual([
      'the `rationale` of the decision for 164.312(a)(2)(iv) says nothing an assessor can weigh ("n/a")',
      'the decision `alternative` for 164.312(a)(2)(iv) has no `alternative`',
    ]);
    const reasoned = hipaaProgram(
      hipaaDecisions({
        [decision]:
          '{ decision: not-reasonable, rationale: "No workstation stores ePHI; the platform encrypts it in its database.", approved_by: ceo, approved: 2026-02-01 }',
      }),
    );
    expect(findings(check(reasoned), 'TB353')).toEqual([]);
    // Decided not to apply: no control needs to cite it, and one that does is a warning.
    expect(findings(check(reasoned), 'TB356').map((finding) => finding.severity)).toEqual(['warning']);
    expect(findings(check(edit(reasoned, CONTROL, `"${decision}", `, '')), 'TB342')).toEqual([]);
  });

  it('refuses a decision for a required specification, a standard, or an unknown id', () => {
    const extra = (id: string) =>
      hipaaProgram(
        hipaaDecisions() + `      ${id}: { decision: implemented, approved_by: ceo, approved: 2026-02-01 }\n`,
      );
    expect(findings(check(extra('164.308(a)(1)(ii)(A)')), 'TB354')[0]?.message).toBe(
      '164.308(a)(1)(ii)(A) has a decision, but it is a required implementation specification',
    );
    expect(findings(check(extra('164.310(b)')), 'TB354')[0]?.message).toMatch(/it is a standard$/);
    expect(findings(check(extra('164.314(b)(2)(i)')), 'TB354')[0]?.message).toMatch(/group health plan/);
    expect(findings(check(extra('164.312(a)(2)(v)')), 'TB340')[0]?.message).toMatch(
      /^`164\.312\(a\)\(2\)\(v\)` is not/,
    );
  });

  it('names an approver who does not exist', () => {
    const files = hipaaProgram(
      hipaaDecisions({ [decision]: '{ decision: implemented, approved_by: cfo, approved: 2026-02-01 }' }),
    );
    expect(findings(check(files), 'TB350')[0]?.message).toBe(
      'the decision for 164.312(a)(2)(iv) names the person `cfo`, which does not exist',
    );
  });

  it('keeps documentation six years: five is an error naming an artifact, six passes', () => {
    const [five] = findings(check(hipaaProgram(hipaaDecisions(), 5)), 'TB355');
    expect(five).toMatchObject({ severity: 'error', file: PROGRAM, line: 15 });
    expect(five?.message).toMatch(
      /5 years .* six years .*EV-BASE-01's artifact collected on 2026-04-05 would be gone on 2031-04-05, though it must be kept until 2032-04-05$/,
    );
    expect(findings(check(hipaaProgram(hipaaDecisions(), 6)), 'TB355')).toEqual([]);
  });
});

describe('the Statement of Applicability', () => {
  const SOA = 'content/statement-of-applicability.yaml';

  it('is required when ISO/IEC 27001 is in scope, and said to be unchecked when it is not', () => {
    const missing = { ...isoProgram() };
    delete missing[SOA];
    expect(findings(check(missing), 'TB345')[0]).toMatchObject({ file: PROGRAM, line: 13 });
    expect(findings(check({ ...validProgram(), [SOA]: soaText() }), 'TB357')[0]?.severity).toBe('warning');
  });

  it('lists the Annex A controls it does not decide in one finding', () => {
    const files = { ...isoProgram(), [SOA]: soaText({ 'A.5.7': null, 'A.8.34': null }) };
    const found = findings(check(files), 'TB346');
    expect(found.map((finding) => finding.message)).toEqual([
      'the Statement of Applicability decides nothing for 2 Annex A controls: A.5.7, A.8.34',
    ]);
  });

  it('refuses an exclusion without a justification an auditor can weigh', () => {
    const none = { ...isoProgram(), [SOA]: soaText({ 'A.7.1': '{ applicable: false }' }) };
    expect(findings(check(none), 'TB347')[0]?.message).toBe(
      'A.7.1 is excluded from the Statement of Applicability without a justification',
    );
    const vague = { ...isoProgram(), [SOA]: soaText({ 'A.7.1': '{ applicable: false, justification: n/a }' }) };
    expect(findings(check(vague), 'TB347')).toHaveLength(1);
    const reasoned = {
      ...isoProgram(),
      [SOA]: soaText({
        'A.7.1': '{ applicable: false, justification: "We run no premises: the team works remotely." }',
      }),
    };
    expect(findings(check(reasoned), 'TB347')).toEqual([]);
    expect(findings(check(reasoned), 'TB356')[0]?.message).toBe(
      'BASE-01 cites A.7.1, yet the Statement of Applicability excludes it',
    );
  });

  it('needs something implementing each applicable control: a control citing it or a document', () => {
    const uncited = edit(isoProgram(), CONTROL, '"A.5.7", ', '');
    expect(findings(check(uncited), 'TB348')[0]?.message).toMatch(/^A\.5\.7 \(.+\) is applicable in the Statement/);
    const documented = {
      ...uncited,
      [SOA]: soaText({
        'A.5.7': '{ applicable: true, reason: "Contracts.", status: implemented, documents: [information-security] }',
      }),
    };
    expect(findings(check(documented), 'TB348')).toEqual([]);
    const planned = edit(isoProgram(), CONTROL, 'frequency: quarterly\n', 'frequency: quarterly\nstatus: planned\n');
    expect(findings(check(planned), 'TB348')).toHaveLength(93);
  });

  it('needs a reason for each inclusion, and names unknown risks and documents', () => {
    const files = {
      ...isoProgram(),
      [SOA]: soaText({
        'A.5.1': '{ applicable: true, status: implemented }',
        'A.5.2': '{ applicable: true, risks: [R-99], status: implemented, documents: [infosec] }',
      }),
    };
    expect(findings(check(files), 'TB351').map((finding) => finding.message)).toEqual([
      'A.5.1 is applicable in the Statement of Applicability, but its entry gives no reason for including it: neither `risks` nor `reason`',
    ]);
    expect(findings(check(files), 'TB350').map((finding) => finding.message)).toEqual([
      'the entry for A.5.2 names the policy or procedure `infosec`, which does not exist',
      'the entry for A.5.2 names the risk `R-99`, which does not exist',
    ]);
  });

  it('is reviewed on time: a warning within the warning days, an error from the day after it is due', () => {
    const approved = (date: string) => findings(check({ ...isoProgram(), [SOA]: soaText({}, date) }), 'TB349');
    expect(approved('2025-08-15')).toEqual([]);
    expect(approved('2025-08-14').map((finding) => finding.severity)).toEqual(['warning']);
    expect(approved('2025-07-15').map((finding) => finding.severity)).toEqual(['warning']);
    const [late] = approved('2025-07-14');
    expect(late).toMatchObject({ severity: 'error', line: 5 });
    expect(late?.message).toBe('the Statement of Applicability was due for review on 2026-07-14 (1 day ago)');
  });

  it('refuses an entry that is no Annex A control', () => {
    const files = {
      ...isoProgram(),
      [SOA]: soaText() + '  6.1.3: { applicable: true, reason: "Always.", status: implemented }\n',
    };
    const [found] = findings(check(files), 'TB340');
    expect(found?.message).toBe('`6.1.3` is not an Annex A control of ISO/IEC 27001:2022');
    expect(found?.hint).toMatch(/clause requirement/);
  });
});

/**
 * The frameworks rule at edges frameworks.test.ts leaves open, calling the rule on a small program (CSF's Recover
 * function, eight subcategories, unless a test says otherwise): which citations it judges and where it points,
 * what it advises for an unknown id, the requirements it asks a control for (not those awaiting a decision or
 * decided not to apply, nor those a control that failed its schema claims), and how it groups requirements left
 * without a control in operation (TB343) or without an effective one (TB344).
 */
import { describe, expect, it } from 'vitest';
import { csfSubcategories, findFrameworkRequirement } from '../../src/catalog/index.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import { frameworksRule, unknownRequirementAdvice } from '../../src/engine/rules/frameworks.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';
import { hipaaDecisions, soaText } from '../helpers/frameworks.ts';

const RC = csfSubcategories.filter((sub) => sub.function === 'RC').map((sub) => sub.id);
const PROGRAM = 'content/program.yaml';
const SOA = 'content/statement-of-applicability.yaml';

/** A control with `lines` added to its front matter (citations, dates). */
const control = (id: string, lines: string) => `---
id: ${id}
title: ${id} review
criteria: [CC7.2]
owner: engineer
frequency: quarterly
${lines}---

Reviewed.
`;

const cites = (ids: readonly string[], field = 'csf') => `${field}: [${ids.map((id) => `"${id}"`).join(', ')}]\n`;

/** program.yaml with these frameworks (lines under `frameworks:`), or none. */
const program = (frameworks?: string, audit?: string) =>
  programYaml(frameworks === undefined ? '' : `frameworks:\n${frameworks}`, audit);

const RECOVER = '  csf:\n    functions: [RC]\n';

function run(files: Record<string, string>, broken: readonly string[] = []): Diagnostic[] {
  return frameworksRule(smallModel(files, broken), ruleContext('2026-07-15'));
}

const codes = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.subject?.id} ${d.file}:${d.line}`);

describe('citations', () => {
  it('asks nothing of a control that cites no framework, and reports no requirement when nothing is in scope', () => {
    expect(run({ 'content/controls/CTL-01.mdx': control('CTL-01', '') })).toEqual([]);
    expect(frameworksRule(buildModel([]).model, ruleContext('2026-07-15'))).toEqual([]);
  });

  it('reports the citations of a framework out of scope once per control, at the field, with its key', () => {
    const found = run({
      'content/controls/CTL-01.mdx': control('CTL-01', `${cites(['A.5.1', 'nonsense'], 'iso')}`),
    });
    expect(found).toEqual([
      {
        code: 'TB341',
        severity: 'error',
        file: 'content/controls/CTL-01.mdx',
        line: 7,
        subject: { kind: 'control', id: 'CTL-01' },
        message:
          'CTL-01 cites ISO/IEC 27001:2022 requirements under `iso`, but the program does not have ISO/IEC 27001:2022 in scope: nothing checks them',
        hint: 'Add `iso27001` under `frameworks:` in content/program.yaml (docs/frameworks.md gives its scope parameters), or remove the citations.',
      },
    ]);
  });

  it('points an unknown id at its own line in a list written in block style', () => {
    const found = run({
      [PROGRAM]: program(RECOVER),
      'content/controls/CTL-01.mdx': control('CTL-01', `csf:\n${RC.map((id) => `  - ${id}\n`).join('')}  - RC.XX-99\n`),
    });
    expect(codes(found)).toEqual(['TB340 CTL-01 content/controls/CTL-01.mdx:16']);
    expect(found[0]).toMatchObject({
      severity: 'error',
      message: '`RC.XX-99` is not a requirement of NIST Cybersecurity Framework 2.0',
    });
  });

  it('warns of a citation the Statement of Applicability excludes, and of none it includes', () => {
    const soa = soaText({ 'A.7.1': '{ applicable: false, justification: "We run no premises." }' });
    const found = run({
      [PROGRAM]: program('  iso27001:\n    isms_scope: The platform.\n'),
      [SOA]: soa,
      'content/controls/CTL-01.mdx': control('CTL-01', cites(['A.5.1', 'A.7.1'], 'iso')),
    }).filter((d) => d.code === 'TB356');
    expect(found).toEqual([
      {
        code: 'TB356',
        severity: 'warning',
        file: 'content/controls/CTL-01.mdx',
        line: 7,
        subject: { kind: 'control', id: 'CTL-01' },
        message: 'CTL-01 cites A.7.1, yet the Statement of Applicability excludes it',
        hint: 'Either the requirement applies (change the decision) or the control does not meet it (remove the citation).',
      },
    ]);
  });

  it('reads ISO citations without a Statement of Applicability', () => {
    const found = run({
      [PROGRAM]: program('  iso27001:\n    isms_scope: The platform.\n'),
      'content/controls/CTL-01.mdx': control('CTL-01', cites(['A.5.1'], 'iso')),
    });
    expect(found.filter((d) => d.code !== 'TB342')).toEqual([]);
  });

  it('warns of a HIPAA citation decided not reasonable, and not of one decided otherwise or undecided', () => {
    const notReasonable = '164.312(a)(2)(iv)';
    const decisions = hipaaDecisions({
      [notReasonable]:
        '{ decision: not-reasonable, rationale: "No workstation stores ePHI.", approved_by: ceo, approved: 2026-02-01 }',
      '164.312(e)(2)(ii)': null,
    });
    const found = run({
      [PROGRAM]: program(
        `  hipaa:\n    role: business-associate\n    retention_years: 6\n    decisions:\n${decisions}`,
      ),
      'content/controls/CTL-01.mdx': control(
        'CTL-01',
        cites([notReasonable, '164.312(a)(2)(iii)', '164.312(e)(2)(ii)', '164.308(a)(1)(ii)(A)'], 'hipaa'),
      ),
    }).filter((d) => d.code === 'TB356');
    expect(found.map((d) => `${d.line} ${d.message}`)).toEqual([
      `7 CTL-01 cites ${notReasonable}, yet its decision in content/program.yaml finds it not reasonable and appropriate`,
    ]);
  });
});

describe('decisions of one framework', () => {
  it('decide nothing of another: a Statement of Applicability entry or a HIPAA decision keyed by a CSF id', () => {
    const programText = program(
      `${RECOVER}  iso27001:\n    isms_scope: The platform.\n  hipaa:\n    role: business-associate\n    retention_years: 6\n    decisions:\n      RC.RP-01: { decision: not-reasonable, rationale: "No recovery plan applies to us here.", approved_by: ceo, approved: 2026-02-01 }\n`,
    );
    const found = run({
      [PROGRAM]: programText,
      [SOA]: `${soaText()}  RC.RP-02: { applicable: false, justification: "We run no premises at all." }\n`,
      'content/controls/CTL-01.mdx': control('CTL-01', cites(RC)),
    }).filter((d) => d.code === 'TB356');
    expect(found).toEqual([]);
  });

  it('read a Statement of Applicability that leaves the cited control out', () => {
    const found = run({
      [PROGRAM]: program('  iso27001:\n    isms_scope: The platform.\n'),
      [SOA]: soaText({ 'A.5.1': null }),
      'content/controls/CTL-01.mdx': control('CTL-01', cites(['A.5.1'], 'iso')),
    });
    expect(found.filter((d) => d.code !== 'TB342')).toEqual([]);
  });
});

describe('advice for an id that is no requirement', () => {
  it('points ISO clause and Annex A numbers at what to cite', () => {
    expect(unknownRequirementAdvice('iso27001', '9.2')).toBe(
      '9.2 groups the requirements 9.2.1, 9.2.2: cite those the control meets.',
    );
    expect(unknownRequirementAdvice('iso27001', '5.7')).toBe('Did you mean the Annex A control `A.5.7`?');
    expect(unknownRequirementAdvice('iso27001', '9.9.9')).toMatch(/^Did you mean `|^Cite the requirement by its id/);
  });

  it('takes the CFR title and section sign off a HIPAA id, however they are written', () => {
    const id = '164.308(a)(1)(ii)(A)';
    for (const written of [`45 CFR ${id}`, `45 CFR § ${id}`, `45CFR§${id}`, `45 cfr ${id}`, `§ ${id}`, `§${id}`]) {
      expect(unknownRequirementAdvice('hipaa', written)).toBe(`Cite it as \`${id}\`.`);
    }
    expect(unknownRequirementAdvice('hipaa', `x45 CFR ${id}`)).not.toBe(`Cite it as \`${id}\`.`);
  });

  it('names the specifications of a HIPAA standard, written with its CFR title or not', () => {
    expect(unknownRequirementAdvice('hipaa', '45 CFR 164.308(a)(1)(i)')).toMatch(
      /^164\.308\(a\)\(1\)\(i\) is a standard met through its implementation specifications: cite those the control meets \(164\.308\(a\)\(1\)\(ii\)\(A\), /,
    );
  });

  it('reads ISO numbers and the CFR title only in citations of their own framework', () => {
    expect(unknownRequirementAdvice('csf', '9.2')).toBe(
      'Cite the requirement by its id; docs/frameworks.md lists the ids.',
    );
    expect(unknownRequirementAdvice('csf', '§ RC.RP-01')).toBe('Did you mean `RC.RP-01`?');
  });

  it('speaks of CSF 1.1 only for a CSF citation', () => {
    expect(unknownRequirementAdvice('iso27001', 'PR.AC-01')).not.toMatch(/CSF/);
    expect(unknownRequirementAdvice('hipaa', 'PR.AC-01')).not.toMatch(/CSF/);
  });

  it('sends a withdrawn CSF 1.1 id to 2.0, and suggests the nearest id or the list', () => {
    expect(unknownRequirementAdvice('csf', 'PR.AC-01')).toBe(
      'PR.AC-01 is a CSF 1.1 id that CSF 2.0 withdrew: cite the 2.0 subcategory that holds its outcome now. docs/frameworks.md lists the ids.',
    );
    expect(unknownRequirementAdvice('csf', 'RC.RP-1')).toBe('Did you mean `RC.RP-01`?');
    expect(unknownRequirementAdvice('csf', 'nothing like it at all')).toBe(
      'Cite the requirement by its id; docs/frameworks.md lists the ids.',
    );
    expect(unknownRequirementAdvice('hipaa', 'nothing like it at all')).toBe(
      'Cite the requirement by its id; docs/frameworks.md lists the ids.',
    );
    expect(unknownRequirementAdvice('iso27001', 'nothing like it at all')).toBe(
      'Cite the requirement by its id; docs/frameworks.md lists the ids.',
    );
  });
});

describe('requirements without a control (TB342)', () => {
  it('names each uncited requirement at the framework’s key in program.yaml', () => {
    const found = run({
      [PROGRAM]: program(RECOVER),
      'content/controls/CTL-01.mdx': control('CTL-01', cites(RC.slice(1))),
    });
    const [first] = RC;
    expect(found).toEqual([
      {
        code: 'TB342',
        severity: 'error',
        file: PROGRAM,
        line: 11,
        subject: { kind: 'program', id: first },
        message: `${first} (${csfSubcategories.find((sub) => sub.id === first)!.outcome}) has no implemented control citing it, and NIST Cybersecurity Framework 2.0 is in scope`,
        hint: `Add \`${first}\` to the \`csf\` of an implemented control in content/controls/ that meets it.`,
      },
    ]);
  });

  it('leaves a requirement a control that failed its schema cites, and no coverage at all while a control is unparsed', () => {
    const broken = 'content/controls/CTL-02.mdx';
    const claimed = run(
      {
        [PROGRAM]: program(RECOVER),
        // RC[0] has no valid control, RC[1] a late one: the broken control claims both.
        'content/controls/CTL-01.mdx': control('CTL-01', `${cites(RC.slice(1))}implemented: 2026-02-01\n`),
        [broken]: control('CTL-02', `${cites(RC.slice(0, 2))}status: sometimes\n`),
      },
      [broken],
    );
    expect(codes(claimed)).toEqual([`TB343 ${RC[2]} ${PROGRAM}:8`]);
    expect(claimed[0]!.message).toMatch(/^6 requirements \(/);
    const unparsed = run(
      {
        [PROGRAM]: program(RECOVER),
        'content/controls/CTL-01.mdx': control('CTL-01', cites([...RC.slice(1), 'RC.XX-99'])),
        'content/controls/CTL-02.mdx': '---\nid: [unclosed\n---\n',
      },
      ['content/controls/CTL-02.mdx'],
    );
    expect(codes(unparsed)).toEqual(['TB340 CTL-01 content/controls/CTL-01.mdx:7']);
  });

  it('asks no control for an addressable HIPAA specification awaiting a decision or decided not reasonable', () => {
    const undecided = '164.312(e)(2)(ii)';
    const notReasonable = '164.312(a)(2)(iv)';
    const decisions = hipaaDecisions({
      [notReasonable]:
        '{ decision: not-reasonable, rationale: "No workstation stores ePHI.", approved_by: ceo, approved: 2026-02-01 }',
      [undecided]: null,
    });
    const found = run({
      [PROGRAM]: program(
        `  hipaa:\n    role: business-associate\n    retention_years: 6\n    decisions:\n${decisions}`,
      ),
      'content/controls/CTL-01.mdx': control('CTL-01', cites(['164.308(a)(1)(ii)(A)'], 'hipaa')),
    }).filter((d) => d.code === 'TB342');
    const ids = found.map((d) => d.subject?.id);
    expect(ids).not.toContain(undecided);
    expect(ids).not.toContain(notReasonable);
    expect(ids).toContain('164.308(a)(1)(ii)(B)');
    expect(ids).toContain('164.312(a)(2)(iii)');
  });

  it('leaves Annex A controls no control cites to the Statement of Applicability', () => {
    const found = run({
      [PROGRAM]: program('  iso27001:\n    isms_scope: The platform.\n'),
      [SOA]: soaText(),
      'content/controls/CTL-01.mdx': control('CTL-01', cites(['A.5.1'], 'iso')),
    }).filter((d) => d.code === 'TB342');
    expect(found.map((d) => d.subject?.id)).not.toContain('A.5.2');
    expect(found.map((d) => d.subject?.id)).toContain('4.1');
  });
});

describe('requirements without a control in operation (TB343) or an effective one (TB344)', () => {
  it('names one requirement with its outcome, and the controls citing it in the hint', () => {
    const found = run({
      [PROGRAM]: program(RECOVER),
      'content/controls/CTL-01.mdx': control('CTL-01', `${cites(RC.slice(1))}`),
      'content/controls/CTL-02.mdx': control('CTL-02', `${cites(RC.slice(0, 1))}implemented: 2026-03-02\n`),
    });
    const [first] = RC;
    expect(found).toEqual([
      {
        code: 'TB343',
        severity: 'error',
        file: PROGRAM,
        line: 8,
        subject: { kind: 'program', id: first },
        message: `${first} (${csfSubcategories.find((sub) => sub.id === first)!.outcome}) had no control in operation from 2026-01-01 to 2026-03-01; the report speaks for every day of the audit window`,
        hint: 'The controls citing it (CTL-02) were not in operation then: correct their `implemented` or `retired` date if they were, or cite the requirement from a control that operated then.',
      },
    ]);
  });

  it('groups requirements by the stretch and the controls, and keeps apart those of another stretch or control', () => {
    const found = run({
      [PROGRAM]: program(RECOVER),
      'content/controls/CTL-01.mdx': control('CTL-01', `${cites(RC.slice(0, 2))}implemented: 2026-03-02\n`),
      'content/controls/CTL-02.mdx': control('CTL-02', `${cites(RC.slice(2, 4))}implemented: 2026-03-03\n`),
      'content/controls/CTL-03.mdx': control('CTL-03', `${cites(RC.slice(4, 6))}implemented: 2026-03-02\n`),
      'content/controls/CTL-04.mdx': control('CTL-04', `${cites(RC.slice(6))}`),
    });
    expect(found.map((d) => `${d.subject?.id} ${d.message.split(';')[0]} | ${d.hint}`)).toEqual([
      `${RC[0]} 2 requirements (${RC[0]}, ${RC[1]}) had no control in operation from 2026-01-01 to 2026-03-01 | ${hintFor('CTL-01')}`,
      `${RC[2]} 2 requirements (${RC[2]}, ${RC[3]}) had no control in operation from 2026-01-01 to 2026-03-02 | ${hintFor('CTL-02')}`,
      `${RC[4]} 2 requirements (${RC[4]}, ${RC[5]}) had no control in operation from 2026-01-01 to 2026-03-01 | ${hintFor('CTL-03')}`,
    ]);
  });

  it('names every control citing a requirement in the hint', () => {
    const found = run({
      [PROGRAM]: program(RECOVER),
      'content/controls/CTL-01.mdx': control('CTL-01', `${cites(RC)}implemented: 2026-03-02\n`),
      'content/controls/CTL-02.mdx': control('CTL-02', `${cites(RC.slice(0, 1))}implemented: 2026-03-02\n`),
    });
    expect(found.map((d) => `${d.subject?.id} ${d.hint}`)).toEqual([
      `${RC[0]} ${hintFor('CTL-01, CTL-02')}`,
      `${RC[1]} ${hintFor('CTL-01')}`,
    ]);
  });

  it('says a requirement was not met, and several were, while their only control did not operate effectively', () => {
    const series = `---
id: EV-01
title: Review record
controls: [CTL-02]
owner: engineer
frequency: quarterly
artifacts:
  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }
  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }
exceptions:
  - { period: 2026-Q1, description: "The review did not run.", disclosed: 2026-07-05, response: "Run it now.", remediated: 2026-07-10 }
---

Kept.
`;
    const files = (ids: readonly string[]) => ({
      [PROGRAM]: program(RECOVER),
      'content/controls/CTL-01.mdx': control('CTL-01', cites(RC.filter((id) => !ids.includes(id)))),
      'content/controls/CTL-02.mdx': control('CTL-02', cites(ids)),
      'evidence-index/EV-01.mdx': series,
    });
    const one = run(files(RC.slice(0, 1)));
    expect(one.map((d) => `${d.code} ${d.subject?.id} ${d.line} ${d.message}`)).toEqual([
      `TB344 ${RC[0]} 8 ${RC[0]} (${csfSubcategories.find((sub) => sub.id === RC[0])!.outcome}) was not met from 2026-01-01 to 2026-06-30: CTL-02 did not operate effectively over the window`,
    ]);
    const two = run(files(RC.slice(0, 2)));
    expect(two.map((d) => d.message)).toEqual([
      `2 requirements (${RC[0]}, ${RC[1]}) were not met from 2026-01-01 to 2026-06-30: CTL-02 did not operate effectively over the window`,
    ]);
  });

  it('judges an Annex A control a control cites, and not a requirement decided not to apply', () => {
    const found = run({
      [PROGRAM]: program('  iso27001:\n    isms_scope: The platform.\n'),
      [SOA]: soaText({ 'A.7.1': '{ applicable: false, justification: "We run no premises." }' }),
      'content/controls/CTL-01.mdx': control('CTL-01', `${cites(['A.5.1', 'A.7.1'], 'iso')}implemented: 2026-03-02\n`),
    }).filter((d) => d.code === 'TB343');
    expect(found.map((d) => d.message.split(' had')[0])).toEqual([`A.5.1 (${isoTitle('A.5.1')})`]);
  });
});

function hintFor(controls: string): string {
  return `The controls citing it (${controls}) were not in operation then: correct their \`implemented\` or \`retired\` date if they were, or cite the requirement from a control that operated then.`;
}

function isoTitle(id: string): string {
  return findFrameworkRequirement('iso27001', id)!.label;
}

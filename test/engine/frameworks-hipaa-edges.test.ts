/**
 * The HIPAA rule at edges frameworks.test.ts leaves open, calling the rule on a small program: each kind of key a
 * decision may have (an unknown id, a standard, a specification out of scope, a required one), what each decision
 * must say and where its finding points, an approver found among roles or staff (and not looked for without a
 * staff file), the line of the undecided specifications, and the retention years with the oldest artifact named.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import { hipaaRule } from '../../src/engine/rules/frameworks-hipaa.ts';
import { hipaaDecisions } from '../helpers/frameworks.ts';
import { PEOPLE, peopleYaml, programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const PROGRAM = 'content/program.yaml';
const APPROVED = 'approved_by: ceo, approved: 2026-02-01';
const REASON = 'No workstation in scope stores or reads ePHI at all.';

/**
 * program.yaml with HIPAA in scope (lines 10 `frameworks:`, 11 `hipaa:`, 12 `role:`, 13 `retention_years:`, then
 * `extra` lines and 14 `decisions:` with one line per entry given).
 */
const program = (decisions: Record<string, string>, { years = 6, extra = '' } = {}) => {
  const entries = Object.entries(decisions).map(([id, decision]) => `      ${id}: ${decision}\n`);
  return programYaml(
    `frameworks:\n  hipaa:\n    role: business-associate\n    retention_years: ${years}\n${extra}    decisions:${entries.length > 0 ? `\n${entries.join('')}` : ' {}\n'}`,
  );
};

function run(files: Record<string, string>): Diagnostic[] {
  return hipaaRule(smallModel(files), ruleContext('2026-07-15'));
}

/** The findings of decisions (all but TB352), as code, line and message. */
const decided = (decisions: Record<string, string>, files: Record<string, string> = {}) =>
  run({ [PROGRAM]: program(decisions), ...files })
    .filter((d) => d.code !== 'TB352')
    .map((d) => `${d.code} ${d.line} ${d.message}`);

describe('what a decision may be keyed by', () => {
  it('refuses an id that is no specification, with advice, a standard, and a required specification', () => {
    expect(decided({ '164.312(a)(2)(v)': `{ decision: implemented, ${APPROVED} }` })).toEqual([
      'TB340 15 `164.312(a)(2)(v)` is not an implementation specification of HIPAA Security Rule (45 CFR 164.308–164.316)',
    ]);
    const [unknown] = run({
      [PROGRAM]: program({ '45 CFR 164.312(a)(2)(iv)': `{ decision: implemented, ${APPROVED} }` }),
    });
    expect(unknown).toMatchObject({
      code: 'TB340',
      severity: 'error',
      file: PROGRAM,
      subject: { kind: 'program', id: '45 CFR 164.312(a)(2)(iv)' },
      hint: 'Cite it as `164.312(a)(2)(iv)`.',
    });
    expect(decided({ '164.310(b)': `{ decision: implemented, ${APPROVED} }` })).toEqual([
      'TB354 15 164.310(b) has a decision, but it is a standard',
    ]);
    expect(decided({ '164.308(a)(1)(ii)(A)': `{ decision: implemented, ${APPROVED} }` })).toEqual([
      'TB354 15 164.308(a)(1)(ii)(A) has a decision, but it is a required implementation specification',
    ]);
  });

  it('refuses a specification that does not bind the program, saying why, and once bound judges it as what it is', () => {
    const clearinghouse = '164.308(a)(4)(ii)(A)';
    expect(decided({ [clearinghouse]: `{ decision: implemented, ${APPROVED} }` })).toEqual([
      expect.stringMatching(/^TB354 15 164\.308\(a\)\(4\)\(ii\)\(A\) has a decision, but it is .*clearinghouse/),
    ]);
    const bound = run({
      [PROGRAM]: program(
        { [clearinghouse]: `{ decision: implemented, ${APPROVED} }` },
        { extra: '    clearinghouse: true\n' },
      ),
    }).filter((d) => d.code !== 'TB352');
    expect(bound.map((d) => d.message)).toEqual([
      `${clearinghouse} has a decision, but it is a required implementation specification`,
    ]);
  });
});

describe('what a decision must say', () => {
  const spec = '164.312(a)(2)(iv)';

  it('needs nothing more for `implemented`', () => {
    expect(decided({ [spec]: `{ decision: implemented, ${APPROVED} }` })).toEqual([]);
  });

  it('needs the measure and a reason for `alternative`, each found at its own field or at the decision', () => {
    expect(decided({ [spec]: `{ decision: alternative, ${APPROVED} }` })).toEqual([
      `TB353 15 the decision \`alternative\` for ${spec} has no \`alternative\``,
      `TB353 15 the decision \`alternative\` for ${spec} has no \`rationale\``,
    ]);
    const block = `\n        decision: alternative\n        alternative: "Screens lock after five minutes."\n        rationale: n/a\n        approved_by: ceo\n        approved: 2026-02-01`;
    expect(decided({ [spec]: block })).toEqual([
      `TB353 18 the \`rationale\` of the decision for ${spec} says nothing an assessor can weigh ("n/a")`,
    ]);
    expect(
      decided({
        [spec]: `{ decision: alternative, alternative: "Screens lock after five minutes.", rationale: "${REASON}", ${APPROVED} }`,
      }),
    ).toEqual([]);
  });

  it('needs a reason for `not-reasonable`, and no measure', () => {
    expect(decided({ [spec]: `{ decision: not-reasonable, ${APPROVED} }` })).toEqual([
      `TB353 15 the decision \`not-reasonable\` for ${spec} has no \`rationale\``,
    ]);
    expect(decided({ [spec]: `{ decision: not-reasonable, rationale: "${REASON}", ${APPROVED} }` })).toEqual([]);
    const block = `\n        approved_by: ceo\n        decision: not-reasonable\n        approved: 2026-02-01`;
    expect(decided({ [spec]: block })).toEqual([
      `TB353 17 the decision \`not-reasonable\` for ${spec} has no \`rationale\``,
    ]);
  });

  it('is approved by a role or a member of staff, looked for only where there is a staff file', () => {
    const staff = { [PEOPLE]: peopleYaml(['{ id: ana, role: engineer, hired: 2024-01-10 }']) };
    expect(
      decided({ [spec]: '{ decision: implemented, approved_by: engineer, approved: 2026-02-01 }' }, staff),
    ).toEqual([]);
    expect(decided({ [spec]: '{ decision: implemented, approved_by: ana, approved: 2026-02-01 }' }, staff)).toEqual([]);
    const [unknown] = run({
      [PROGRAM]: program({ [spec]: '{ decision: implemented, approved_by: anna, approved: 2026-02-01 }' }),
      ...staff,
    }).filter((d) => d.code === 'TB350');
    expect(unknown).toMatchObject({
      severity: 'error',
      line: 15,
      subject: { kind: 'program', id: spec },
      message: `the decision for ${spec} names the person \`anna\`, which does not exist`,
      hint: 'Did you mean `ana`?',
    });
    expect(decided({ [spec]: '{ decision: implemented, approved_by: anna, approved: 2026-02-01 }' })).toEqual([]);
    const block = `\n        decision: implemented\n        approved: 2026-02-01\n        approved_by: anna`;
    expect(decided({ [spec]: block }, staff)).toEqual([
      `TB350 18 the decision for ${spec} names the person \`anna\`, which does not exist`,
    ]);
  });
});

describe('addressable specifications without a decision (TB352)', () => {
  it('are reported at `decisions:`, or at `hipaa:` when there are none', () => {
    const spec = '164.312(a)(2)(iv)';
    const decisions = Object.fromEntries(
      hipaaDecisions({ [spec]: null })
        .trim()
        .split('\n')
        .map((line) => [
          line.trim().slice(0, line.trim().indexOf(': ')),
          line.trim().slice(line.trim().indexOf(': ') + 2),
        ]),
    );
    const found = run({ [PROGRAM]: program(decisions) });
    expect(found).toEqual([
      {
        code: 'TB352',
        severity: 'error',
        file: PROGRAM,
        line: 14,
        subject: { kind: 'program', id: spec },
        message: expect.stringMatching(
          /^the addressable specification 164\.312\(a\)\(2\)\(iv\) \(.+\) has no recorded decision$/,
        ),
        hint: expect.stringContaining(`Add \`${spec}\` under \`frameworks.hipaa.decisions\``),
      },
    ]);
    const none = run({ [PROGRAM]: program({}) });
    expect(none.length).toBeGreaterThan(1);
    expect(new Set(none.map((d) => `${d.code} ${d.line}`))).toEqual(new Set(['TB352 11']));
  });
});

describe('retention (TB355)', () => {
  const series = (id: string, dates: string[]) => `---
id: ${id}
title: ${id} record
controls: [CTL-01]
owner: engineer
frequency: quarterly
artifacts:
${dates.map((date) => `  - { collected: ${date}, location: "https://docs.test.example/${id}-${date}.pdf" }\n`).join('')}---

Kept.
`;

  it('is six years: five is an error naming the oldest artifact, first in file order on a tie; six passes', () => {
    const evidence = {
      'evidence-index/EV-01.mdx': series('EV-01', ['2026-04-05', '2026-01-20']),
      'evidence-index/EV-02.mdx': series('EV-02', ['2026-01-20', '2026-02-03']),
    };
    const found = run({ [PROGRAM]: program({}, { years: 5 }), ...evidence }).filter((d) => d.code === 'TB355');
    expect(found).toEqual([
      {
        code: 'TB355',
        severity: 'error',
        file: PROGRAM,
        line: 13,
        subject: { kind: 'program', id: 'hipaa' },
        message:
          "the program keeps its documentation 5 years after it was last in effect, short of the six years 164.316(b)(2)(i) requires: EV-01's artifact collected on 2026-01-20 would be gone on 2031-01-20, though it must be kept until 2032-01-20",
        hint: expect.stringContaining('at least six years'),
      },
    ]);
    expect(run({ [PROGRAM]: program({}, { years: 6 }), ...evidence }).filter((d) => d.code === 'TB355')).toEqual([]);
  });

  it('names no artifact when there is none', () => {
    const [found] = run({ [PROGRAM]: program({}, { years: 1 }) }).filter((d) => d.code === 'TB355');
    expect(found!.message).toBe(
      'the program keeps its documentation 1 year after it was last in effect, short of the six years 164.316(b)(2)(i) requires',
    );
  });
});

describe('a program without HIPAA', () => {
  it('gives nothing, nor a model without any program', () => {
    expect(run({ [PROGRAM]: programYaml() })).toEqual([]);
    expect(hipaaRule(buildModel([]).model, ruleContext('2026-07-15'))).toEqual([]);
  });
});

/**
 * The Statement of Applicability rule at edges frameworks.test.ts leaves open, calling the rule on a small program:
 * a statement without ISO/IEC 27001 or ISO/IEC 27001 without a statement (and one that failed its schema), keys
 * that are no Annex A control, one control undecided, each entry's references (owner, documents, risks) pointed
 * at their own lines, exclusions and inclusions and what implements them, and the review's due day.
 */
import { describe, expect, it } from 'vitest';
import { isoControls } from '../../src/catalog/index.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import { soaRule } from '../../src/engine/rules/soa.ts';
import { soaLine, soaText } from '../helpers/frameworks.ts';
import { PEOPLE, peopleYaml, programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const PROGRAM = 'content/program.yaml';
const SOA = 'content/statement-of-applicability.yaml';
/** ISO/IEC 27001 in scope: `frameworks:` on line 10, `iso27001:` on line 11. */
const ISO = programYaml('frameworks:\n  iso27001:\n    isms_scope: The platform.\n');
const LAST = isoControls.at(-1)!.id;

/** A control citing these Annex A controls (under `iso:`), with `extra` front-matter lines. */
const control = (id: string, cited: readonly string[], extra = '') => `---
id: ${id}
title: ${id} review
criteria: [CC7.2]
owner: engineer
frequency: quarterly
iso: [${cited.map((c) => `"${c}"`).join(', ')}]
${extra}---

Reviewed.
`;

/** Every Annex A control cited by one implemented control, so none needs anything else. */
const ALL = {
  'content/controls/CTL-01.mdx': control(
    'CTL-01',
    isoControls.map((c) => c.id),
  ),
};

function run(files: Record<string, string>, { asOf = '2026-07-15', broken = [] as string[] } = {}): Diagnostic[] {
  return soaRule(smallModel(files, broken), ruleContext(asOf));
}

const brief = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.severity} ${d.line} ${d.message}`);

/** The statement with the last Annex A control's entry written in block style, its lines after `LAST:` given. */
const lastInBlock = (lines: string[]) => soaText({ [LAST]: `\n${lines.map((line) => `    ${line}`).join('\n')}` });
/** The line of the block entry's n-th line (1 for the first after `LAST:`). */
const blockLine = (n: number) => soaLine(LAST) + n;

describe('a statement and the scope', () => {
  it('warns of a statement while ISO/IEC 27001 is not in scope, at its first line, and says nothing without either', () => {
    expect(run({ [SOA]: soaText() })).toEqual([
      {
        code: 'TB357',
        severity: 'warning',
        file: SOA,
        line: 1,
        subject: { kind: 'soa', id: 'statement-of-applicability' },
        message: 'there is a Statement of Applicability, but ISO/IEC 27001 is not in scope: nothing checks it',
        hint: expect.stringContaining('Add `iso27001: { isms_scope: … }`'),
      },
    ]);
    expect(run({})).toEqual([]);
    expect(soaRule(buildModel([]).model, ruleContext('2026-07-15'))).toEqual([]);
  });

  it('needs a statement once ISO/IEC 27001 is in scope, unless the one there failed its schema or did not parse', () => {
    expect(run({ [PROGRAM]: ISO })).toEqual([
      {
        code: 'TB345',
        severity: 'error',
        file: PROGRAM,
        line: 11,
        subject: { kind: 'program', id: 'iso27001' },
        message:
          'ISO/IEC 27001 is in scope, but there is no Statement of Applicability (content/statement-of-applicability.yaml)',
        hint: expect.stringContaining('Write content/statement-of-applicability.yaml'),
      },
    ]);
    expect(run({ [PROGRAM]: ISO, [SOA]: 'title: [unclosed\n' }, { broken: [SOA] })).toEqual([]);
    expect(run({ [PROGRAM]: ISO, [SOA]: 'title: Statement\n' }, { broken: [SOA] })).toEqual([]);
    const brokenControl = { 'content/controls/CTL-01.mdx': control('CTL-01', ['A.5.1'], 'status: sometimes\n') };
    expect(
      run({ [PROGRAM]: ISO, ...brokenControl }, { broken: Object.keys(brokenControl) }).map((d) => d.code),
    ).toEqual(['TB345']);
  });

  it('passes a complete statement reviewed on time', () => {
    expect(run({ [PROGRAM]: ISO, [SOA]: soaText(), ...ALL })).toEqual([]);
  });
});

describe('what the statement decides', () => {
  it('refuses a key that is no Annex A control, at its line, with advice for a clause and for anything else', () => {
    const text = `${soaText()}  6.1.3: { applicable: true, reason: "Always.", status: implemented }\n  A.5.99: { applicable: true, reason: "Always.", status: implemented }\n`;
    const found = run({ [PROGRAM]: ISO, [SOA]: text, ...ALL });
    expect(found.map((d) => `${d.code} ${d.line} ${d.message} | ${d.hint}`)).toEqual([
      `TB340 ${soaLine(LAST) + 1} \`6.1.3\` is not an Annex A control of ISO/IEC 27001:2022 | 6.1.3 is a clause requirement: clauses 4 to 10 all apply and are not decided here. Remove the entry and cite 6.1.3 from the controls that meet it.`,
      `TB340 ${soaLine(LAST) + 2} \`A.5.99\` is not an Annex A control of ISO/IEC 27001:2022 | Did you mean \`A.5.9\`?`,
    ]);
    expect(found[0]).toMatchObject({
      severity: 'error',
      file: SOA,
      subject: { kind: 'soa', id: 'statement-of-applicability' },
    });
  });

  it('names one undecided Annex A control, or several, at `controls:`', () => {
    expect(brief(run({ [PROGRAM]: ISO, [SOA]: soaText({ 'A.5.7': null }), ...ALL }))).toEqual([
      'TB346 error 7 the Statement of Applicability decides nothing for A.5.7',
    ]);
    expect(brief(run({ [PROGRAM]: ISO, [SOA]: soaText({ 'A.5.7': null, 'A.8.34': null }), ...ALL }))).toEqual([
      'TB346 error 7 the Statement of Applicability decides nothing for 2 Annex A controls: A.5.7, A.8.34',
    ]);
  });
});

describe('an entry', () => {
  it('names an owner who is nobody, at `owner`, only where there is a staff file', () => {
    const text = lastInBlock([
      'applicable: true',
      'reason: "Customer contracts require it."',
      'status: implemented',
      'owner: anna',
    ]);
    const staff = { [PEOPLE]: peopleYaml(['{ id: ana, role: engineer, hired: 2024-01-10 }']) };
    expect(brief(run({ [PROGRAM]: ISO, [SOA]: text, ...ALL, ...staff }))).toEqual([
      `TB350 error ${blockLine(4)} the entry for ${LAST} names the person \`anna\`, which does not exist`,
    ]);
    expect(run({ [PROGRAM]: ISO, [SOA]: text, ...ALL, ...staff })[0]!.hint).toBe('Did you mean `ana`?');
    expect(run({ [PROGRAM]: ISO, [SOA]: text, ...ALL })).toEqual([]);
    const role = text.replace('owner: anna', 'owner: engineer');
    const ana = text.replace('owner: anna', 'owner: ana');
    expect(run({ [PROGRAM]: ISO, [SOA]: role, ...ALL, ...staff })).toEqual([]);
    expect(run({ [PROGRAM]: ISO, [SOA]: ana, ...ALL, ...staff })).toEqual([]);
  });

  it('names documents and risks that do not exist, each at its own line, and takes policies, procedures and risks that do', () => {
    const text = lastInBlock([
      'applicable: true',
      'status: implemented',
      'documents:',
      '  - access-review',
      '  - information-securty',
      'risks:',
      '  - R-1',
      '  - R-9',
    ]);
    const known = {
      'policies/information-security.mdx': '---\ntitle: x\n---\n',
      'content/procedures/access-review.mdx': '---\nid: access-review\n---\n',
      'content/risks/R-1.mdx': '---\nid: R-1\n---\n',
    };
    const found = run({ [PROGRAM]: ISO, [SOA]: text, ...ALL, ...known }, { broken: Object.keys(known) });
    expect(found.map((d) => `${d.code} ${d.line} ${d.message} | ${d.hint}`)).toEqual([
      `TB350 ${blockLine(5)} the entry for ${LAST} names the policy or procedure \`information-securty\`, which does not exist | Did you mean \`information-security\`?`,
      `TB350 ${blockLine(8)} the entry for ${LAST} names the risk \`R-9\`, which does not exist | Did you mean \`R-1\`?`,
    ]);
  });

  it('excluded, needs a justification: at `applicable` when there is none, at `justification` when it says nothing', () => {
    const excluded = (lines: string[]) =>
      brief(run({ [PROGRAM]: ISO, [SOA]: lastInBlock(['applicable: false', ...lines]), ...ALL }));
    expect(excluded([])).toEqual([
      `TB347 error ${blockLine(1)} ${LAST} is excluded from the Statement of Applicability without a justification`,
    ]);
    expect(excluded(['justification: n/a'])).toEqual([
      `TB347 error ${blockLine(2)} the exclusion of ${LAST} gives no justification an auditor can weigh ("n/a")`,
    ]);
    expect(excluded(['justification: "We write no software of our own at all."'])).toEqual([]);
  });

  it('excluded, asks for no reason to include it nor anything implementing it, and checks no risk', () => {
    const text = lastInBlock([
      'applicable: false',
      'justification: "We write no software of our own at all."',
      'risks: [R-9]',
    ]);
    const files = {
      'content/controls/CTL-01.mdx': control(
        'CTL-01',
        isoControls.slice(0, -1).map((c) => c.id),
      ),
    };
    expect(run({ [PROGRAM]: ISO, [SOA]: text, ...files })).toEqual([]);
  });

  it('included, needs a reason: risks or `reason`, and an empty list of risks is none', () => {
    const included = (lines: string[]) =>
      brief(
        run(
          { [PROGRAM]: ISO, [SOA]: lastInBlock(['applicable: true', 'status: implemented', ...lines]), ...ALL },
          { broken: ['content/risks/R-1.mdx'] },
        ),
      );
    const message = `${LAST} is applicable in the Statement of Applicability, but its entry gives no reason for including it: neither \`risks\` nor \`reason\``;
    expect(included([])).toEqual([`TB351 error ${blockLine(1)} ${message}`]);
    expect(included(['risks: []'])).toEqual([`TB351 error ${blockLine(1)} ${message}`]);
    expect(included(['reason: "Customer contracts require it."'])).toEqual([]);
  });

  it('included, needs an implemented control citing it or a document, unless a control that failed its schema cites it', () => {
    const text = soaText();
    const others = {
      'content/controls/CTL-01.mdx': control(
        'CTL-01',
        isoControls.slice(0, -1).map((c) => c.id),
      ),
    };
    const label = isoControls.at(-1)!.label;
    expect(run({ [PROGRAM]: ISO, [SOA]: text, ...others })).toEqual([
      {
        code: 'TB348',
        severity: 'error',
        file: SOA,
        line: soaLine(LAST),
        subject: { kind: 'soa', id: 'statement-of-applicability' },
        message: `${LAST} (${label}) is applicable in the Statement of Applicability, but no implemented control cites it and it names no policy or procedure`,
        hint: `Add \`${LAST}\` to the \`iso\` of the implemented controls that carry it out, or list the policies and procedures that do under \`documents:\` in its entry.`,
      },
    ]);
    const block = lastInBlock(['reason: "Customer contracts require it."', 'applicable: true', 'status: implemented']);
    expect(run({ [PROGRAM]: ISO, [SOA]: block, ...others }).map((d) => `${d.code} ${d.line}`)).toEqual([
      `TB348 ${blockLine(2)}`,
    ]);
    const documented = soaText({
      [LAST]: '{ applicable: true, reason: "Contracts.", status: implemented, documents: [information-security] }',
    });
    const policy = { 'policies/information-security.mdx': '---\ntitle: x\n---\n' };
    expect(run({ [PROGRAM]: ISO, [SOA]: documented, ...others, ...policy }, { broken: Object.keys(policy) })).toEqual(
      [],
    );
    const broken = 'content/controls/CTL-02.mdx';
    const claimed = { ...others, [broken]: control('CTL-02', [LAST], 'status: sometimes\n') };
    expect(run({ [PROGRAM]: ISO, [SOA]: text, ...claimed }, { broken: [broken] })).toEqual([]);
    const unparsed = { ...others, [broken]: '---\nid: [unclosed\n---\n' };
    expect(run({ [PROGRAM]: ISO, [SOA]: text, ...unparsed }, { broken: [broken] })).toEqual([]);
  });
});

describe('the review', () => {
  it('is fine up to the warning days before it is due, a warning from then, and an error from the day after', () => {
    // Approved 2025-08-15 for 12 months: due 2026-08-15, 31 days after 2026-07-15.
    const review = (asOf: string) => brief(run({ [PROGRAM]: ISO, [SOA]: soaText({}, '2025-08-15'), ...ALL }, { asOf }));
    expect(review('2026-07-15')).toEqual([]);
    expect(review('2026-07-16')).toEqual([
      'TB349 warning 5 the Statement of Applicability is due for review on 2026-08-15 (in 30 days)',
    ]);
    expect(review('2026-08-15')).toEqual([
      'TB349 warning 5 the Statement of Applicability is due for review on 2026-08-15 (in 0 days)',
    ]);
    expect(review('2026-08-16')).toEqual([
      'TB349 error 5 the Statement of Applicability was due for review on 2026-08-15 (1 day ago)',
    ]);
  });
});

/**
 * The required documents (TB302 to TB305), the rule called on a model built from memory: a required policy in
 * force from its effective day and not the day before (named with the file that takes effect later), a draft or
 * a policy failing its schema standing in for its kind, a file that does not parse silencing what it may hold, a
 * risk register or risk file that failed its schema standing in for the assessment, and the system description's
 * `## DCn` sections read exactly (DC10 is not DC1, a DC id further in the heading is no section).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { requiredDocumentsRule, requiredPolicyKinds } from '../../src/engine/rules/required-documents.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const DESCRIPTION = 'content/system-description.mdx';
const AS_OF = '2026-07-15';

const policy = (kind: string, fields = 'approved_by: ceo\napproved: 2026-03-01\n') => `---
title: ${kind} policy
kind: ${kind}
version: "1.0"
owner: security-lead
${fields}---

## Purpose

Kept.
`;

/** A system description with the `##` sections given (its body from line 6). */
const description = (sections: readonly string[]) =>
  `---\ntitle: System description\nowner: security-lead\nreviewed: 2026-02-01\n---\n${sections.map((heading) => `${heading}\n\nText.\n`).join('\n')}`;
const allSections = Array.from({ length: 9 }, (_, i) => `## DC${i + 1} Section`);

/** Every required document, with `change` applied (a file replaced, or removed when its text is undefined). */
function program(change: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string | undefined> = {
    ...Object.fromEntries(requiredPolicyKinds.map(({ kind }) => [`policies/${kind}.mdx`, policy(kind)])),
    'policies/risk-assessment.mdx': policy('risk-assessment'),
    [DESCRIPTION]: description(allSections),
    ...change,
  };
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function run(files: Record<string, string>, broken: string[] = []): Diagnostic[] {
  return requiredDocumentsRule(smallModel(files, broken), ruleContext(AS_OF));
}

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('the required policies', () => {
  it('are all there in the complete program', () => {
    expect(run(program())).toEqual([]);
  });

  it('are the six the SOC 2 checklist names', () => {
    expect(requiredPolicyKinds).toEqual([
      { kind: 'information-security', name: 'Information security policy' },
      { kind: 'incident-response', name: 'Incident response policy' },
      { kind: 'data-retention', name: 'Data retention and disposal policy' },
      { kind: 'acceptable-use', name: 'Acceptable use policy' },
      { kind: 'vendor-management', name: 'Vendor management policy' },
      { kind: 'business-continuity', name: 'Business continuity and disaster recovery policy' },
    ]);
  });

  it('each reported when missing, for the program, by kind', () => {
    for (const { kind, name } of requiredPolicyKinds) {
      expect(described(run(program({ [`policies/${kind}.mdx`]: undefined })))).toEqual([
        `TB302 content/program.yaml:undefined program/${kind}: ${name} missing: no policy has \`kind: ${kind}\``,
      ]);
    }
  });

  it('count from the day they take effect, and not the day before, which names the file', () => {
    const effective = (day: string) =>
      program({
        'policies/incident-response.mdx': policy(
          'incident-response',
          `approved_by: ceo\napproved: 2026-03-01\neffective: ${day}\n`,
        ),
      });
    expect(run(effective(AS_OF))).toEqual([]);
    expect(run(effective('2026-07-16')).map((d) => d.message)).toEqual([
      'Incident response policy missing: policies/incident-response.mdx has `kind: incident-response` but takes effect only 2026-07-16',
    ]);
  });

  it('count as drafts (TB214 says so) and as files that failed their schema but state their kind', () => {
    expect(run(program({ 'policies/incident-response.mdx': policy('incident-response', '') }))).toEqual([]);
    const failing = 'policies/incident-response.mdx';
    expect(
      run(program({ [failing]: policy('incident-response', 'approved_by: ceo\napproved: someday\n') }), [failing]),
    ).toEqual([]);
  });

  it('are not asked for, nor the risk assessment, when a policy file does not parse', () => {
    const unparsed = 'policies/unreadable.mdx';
    const files = program({
      'policies/incident-response.mdx': undefined,
      'policies/risk-assessment.mdx': undefined,
      [unparsed]: '---\ntitle: [unclosed\n---\n\nText.\n',
    });
    expect(run(files, [unparsed])).toEqual([]);
  });
});

describe('the risk assessment', () => {
  const withoutPolicy = (change: Record<string, string | undefined> = {}) =>
    program({ 'policies/risk-assessment.mdx': undefined, ...change });

  it('is reported when no policy has its kind and no risk is recorded', () => {
    expect(described(run(withoutPolicy()))).toEqual([
      'TB303 content/program.yaml:undefined undefined/undefined: risk assessment missing: no policy has `kind: risk-assessment` and content/risks/ is empty',
    ]);
  });

  it('stands as a risk register, or a risk file that failed its schema or does not parse', () => {
    const risk =
      '---\nid: R-01\ntitle: Outage\nowner: ceo\nlikelihood: 2\nimpact: 4\ntreatment: mitigate\ncontrols: [BASE-01]\nresidual: low\nreviewed: 2026-05-01\n---\n';
    expect(run(withoutPolicy({ 'content/risks/R-01.mdx': risk }))).toEqual([]);
    const failing = 'content/risks/R-02.mdx';
    expect(run(withoutPolicy({ [failing]: '---\nid: R-02\ntitle: Outage\n---\n' }), [failing])).toEqual([]);
    const unparsed = 'content/risks/R-03.mdx';
    expect(run(withoutPolicy({ [unparsed]: '---\ntitle: [unclosed\n---\n' }), [unparsed])).toEqual([]);
  });
});

describe('the system description', () => {
  it('is reported missing, naming its file', () => {
    const [found] = run(program({ [DESCRIPTION]: undefined }));
    expect(found).toMatchObject({
      code: 'TB304',
      file: DESCRIPTION,
      message: 'the system description is missing',
      hint: `Create ${DESCRIPTION} with one \`## DCn\` section per description criterion (DC1 to DC9).`,
    });
  });

  it('is not reported missing when its file failed its schema', () => {
    expect(run(program({ [DESCRIPTION]: '---\ntitle: System description\n---\n\n## DC1 x\n' }), [DESCRIPTION])).toEqual(
      [],
    );
  });

  it('needs a `##` section starting with each DC id, reported at its body', () => {
    const sections = allSections.map((heading) => (heading === '## DC1 Section' ? '## DC10 Services' : heading));
    expect(described(run(program({ [DESCRIPTION]: description(sections) })))).toEqual([
      `TB305 ${DESCRIPTION}:6 undefined/undefined: the system description has no section for DC1 (Types of services provided)`,
    ]);
    const further = allSections.map((heading) => (heading === '## DC1 Section' ? '## Services (DC1)' : heading));
    expect(run(program({ [DESCRIPTION]: description(further) })).map((d) => d.message)).toEqual([
      'the system description has no section for DC1 (Types of services provided)',
    ]);
  });

  it('is not read for sections when its body does not parse (TB007 says so)', () => {
    const broken = `${description(allSections.slice(1))}\n<div>\n\nUnclosed.\n`;
    expect(run(program({ [DESCRIPTION]: broken }))).toEqual([]);
  });

  it('reads a heading whose text starts with a space', () => {
    const spaced = allSections.map((heading) => (heading === '## DC1 Section' ? '## &#32;DC1 Section' : heading));
    expect(run(program({ [DESCRIPTION]: description(spaced) }))).toEqual([]);
  });

  it('reads a section wrapped in a component, and not a `###` heading', () => {
    const wrapped = allSections.map((heading) =>
      heading === '## DC2 Section'
        ? '<div>\n\n## DC2 Section\n\n</div>'
        : heading === '## DC3 Section'
          ? '### DC3 Section'
          : heading,
    );
    expect(run(program({ [DESCRIPTION]: description(wrapped) })).map((d) => d.message)).toEqual([
      'the system description has no section for DC3 (Components of the system)',
    ]);
  });
});

describe('a model without a program', () => {
  it('asks for nothing', () => {
    const model = smallModel({});
    delete model.program;
    expect(requiredDocumentsRule(model, ruleContext(AS_OF))).toEqual([]);
  });
});

/**
 * The required-documents rule at its edges: each of the six policies SOC 2 requires, named and worded (TB302);
 * a policy in force on its effective day and not the day before, a draft, a policy whose file does not read;
 * the risk assessment and what stands in for it (TB303); the system description, missing or broken (TB304); and
 * its `## DCn` sections, told apart exactly (TB305).
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import {
  requiredDocumentsRule,
  requiredPolicyKinds,
  SYSTEM_DESCRIPTION_FILE,
} from '../../src/engine/rules/required-documents.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const AS_OF = '2026-07-15';

const policy = (kind: string, approval = 'approved_by: ceo\napproved: 2026-03-01\n') =>
  `---\ntitle: ${kind} policy\nkind: ${kind}\nversion: "1.0"\nowner: engineer\n${approval}---\n\n## Purpose\n\nText.\n`;

const allPolicies = (): Record<string, string> =>
  Object.fromEntries(
    [...requiredPolicyKinds.map(({ kind }) => kind), 'risk-assessment'].map((kind) => [
      `policies/${kind}.mdx`,
      policy(kind),
    ]),
  );

const description = (sections: readonly string[]) =>
  `---\ntitle: System description\nowner: engineer\nreviewed: 2026-02-01\n---\n\n${sections.map((heading) => `${heading}\n\nText.\n`).join('\n')}`;

const ALL_SECTIONS = ['DC1', 'DC2', 'DC3', 'DC4', 'DC5', 'DC6', 'DC7', 'DC8', 'DC9'].map((id) => `## ${id} Section`);

/** The rule's findings for a program of the files given, with every required document unless replaced. */
function run(files: Record<string, string>, options: { broken?: string[]; bare?: boolean; asOf?: string } = {}) {
  const base = options.bare ? {} : { ...allPolicies(), [SYSTEM_DESCRIPTION_FILE]: description(ALL_SECTIONS) };
  const model = smallModel({ ...base, ...files }, options.broken ?? []);
  return requiredDocumentsRule(model, ruleContext(options.asOf ?? AS_OF));
}

const codes = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.subject?.id ?? d.file}`);

describe('a program with every required document', () => {
  it('is quiet', () => {
    expect(run({})).toEqual([]);
  });
});

describe('a program without any document', () => {
  it('misses the six policies by name and kind, the risk assessment and the system description', () => {
    const found = run({}, { bare: true });
    expect(found.map((d) => [d.code, d.severity, d.file, d.line, d.subject, d.message])).toEqual([
      ...[
        ['information-security', 'Information security policy'],
        ['incident-response', 'Incident response policy'],
        ['data-retention', 'Data retention and disposal policy'],
        ['acceptable-use', 'Acceptable use policy'],
        ['vendor-management', 'Vendor management policy'],
        ['business-continuity', 'Business continuity and disaster recovery policy'],
      ].map(([kind, name]) => [
        'TB302',
        'error',
        'content/program.yaml',
        undefined,
        { kind: 'program', id: kind },
        `${name} missing: no policy has \`kind: ${kind}\``,
      ]),
      [
        'TB303',
        'error',
        'content/program.yaml',
        undefined,
        undefined,
        'risk assessment missing: no policy has `kind: risk-assessment` and content/risks/ is empty',
      ],
      ['TB304', 'error', 'content/system-description.mdx', undefined, undefined, 'the system description is missing'],
    ]);
    expect(found.at(-1)!.hint).toContain('Create content/system-description.mdx');
  });

  it('is not judged without a program', () => {
    expect(requiredDocumentsRule(buildModel([]).model, ruleContext(AS_OF))).toEqual([]);
  });
});

describe('a required policy', () => {
  const without = (kind: string) => {
    const files = allPolicies();
    delete files[`policies/${kind}.mdx`];
    return files;
  };

  it('counts from the day it takes effect, and is missing the day before', () => {
    const pending = policy('incident-response', 'approved_by: ceo\napproved: 2026-03-01\neffective: 2026-07-15\n');
    expect(run({ 'policies/incident-response.mdx': pending })).toEqual([]);
    const found = run({ 'policies/incident-response.mdx': pending }, { asOf: '2026-07-14' });
    expect(found.map((d) => d.message)).toEqual([
      'Incident response policy missing: policies/incident-response.mdx has `kind: incident-response` but takes effect only 2026-07-15',
    ]);
  });

  it('names only a pending policy of its own kind', () => {
    const files = without('incident-response');
    files['policies/acceptable-use.mdx'] = policy(
      'acceptable-use',
      'approved_by: ceo\napproved: 2026-03-01\neffective: 2026-09-01\n',
    );
    expect(
      requiredDocumentsRule(
        smallModel({ ...files, [SYSTEM_DESCRIPTION_FILE]: description(ALL_SECTIONS) }),
        ruleContext(AS_OF),
      ).map((d) => d.message),
    ).toEqual([
      'Incident response policy missing: no policy has `kind: incident-response`',
      'Acceptable use policy missing: policies/acceptable-use.mdx has `kind: acceptable-use` but takes effect only 2026-09-01',
    ]);
  });

  it('counts as a draft nobody approved yet (its own finding says so)', () => {
    expect(run({ 'policies/vendor-management.mdx': policy('vendor-management', '') })).toEqual([]);
  });

  it('counts in a policy file that fails its schema, and every policy counts when one file does not read', () => {
    const files = without('data-retention');
    const broken = policy('data-retention').replace('title: data-retention policy\n', '');
    expect(run({ ...files, 'policies/broken.mdx': broken }, { bare: true, broken: ['policies/broken.mdx'] })).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ code: 'TB302' })]),
    );
    const unreadable = '---\ntitle: [unclosed\n---\n';
    const found = run({ 'policies/unreadable.mdx': unreadable }, { bare: true, broken: ['policies/unreadable.mdx'] });
    expect(codes(found)).toEqual(['TB304 content/system-description.mdx']);
  });
});

describe('the risk assessment', () => {
  const risk =
    '---\nid: R-01\ntitle: Outage\nowner: engineer\nlikelihood: 2\nimpact: 4\ntreatment: mitigate\ncontrols: []\nresidual: low\nreviewed: 2026-05-01\n---\n';
  const withoutRiskPolicy = () => {
    const files = allPolicies();
    delete files['policies/risk-assessment.mdx'];
    return { ...files, [SYSTEM_DESCRIPTION_FILE]: description(ALL_SECTIONS) };
  };
  const runWithout = (files: Record<string, string>, broken: string[] = []) =>
    codes(requiredDocumentsRule(smallModel({ ...withoutRiskPolicy(), ...files }, broken), ruleContext(AS_OF)));

  it('is missing without a risk-assessment policy or a risk (TB303)', () => {
    expect(runWithout({})).toEqual(['TB303 content/program.yaml']);
  });

  it('is a risk in the register, even one whose file fails its schema or does not read', () => {
    expect(runWithout({ 'content/risks/R-01.mdx': risk })).toEqual([]);
    const broken = risk.replace('title: Outage\n', '');
    expect(runWithout({ 'content/risks/R-01.mdx': broken }, ['content/risks/R-01.mdx'])).toEqual([]);
    const unreadable = '---\ntitle: [unclosed\n---\n';
    expect(runWithout({ 'content/risks/R-01.mdx': unreadable }, ['content/risks/R-01.mdx'])).toEqual([]);
  });

  it('is not reported when a policy file does not read (it may be the risk assessment)', () => {
    const unreadable = '---\ntitle: [unclosed\n---\n';
    expect(runWithout({ 'policies/unreadable.mdx': unreadable }, ['policies/unreadable.mdx'])).toEqual([]);
  });
});

describe('the system description', () => {
  it('is not missing when its file fails its schema', () => {
    const broken = description(ALL_SECTIONS).replace('owner: engineer\n', 'owner: engineer\nunknown_field: 1\n');
    expect(run({ [SYSTEM_DESCRIPTION_FILE]: broken }, { broken: [SYSTEM_DESCRIPTION_FILE] })).toEqual([]);
  });

  it('needs a `##` section for each description criterion, reported on its first body line (TB305)', () => {
    const found = run({ [SYSTEM_DESCRIPTION_FILE]: description(ALL_SECTIONS.filter((h) => !h.includes('DC7'))) });
    expect(found.map((d) => [d.code, d.severity, d.file, d.line, d.message])).toEqual([
      [
        'TB305',
        'error',
        'content/system-description.mdx',
        6,
        'the system description has no section for DC7 (Complementary subservice organization controls)',
      ],
    ]);
    const none = run({ [SYSTEM_DESCRIPTION_FILE]: description([]) });
    expect(none.map((d) => /for (DC\d)/.exec(d.message)?.[1])).toEqual(ALL_SECTIONS.map((h) => h.slice(3, 6)));
  });

  it('counts a heading that starts with the criterion’s id, and not one that names it elsewhere or runs on', () => {
    const sections = (dc7: string) =>
      run({ [SYSTEM_DESCRIPTION_FILE]: description([...ALL_SECTIONS.filter((h) => !h.includes('DC7')), dc7]) }).map(
        (d) => d.message,
      );
    expect(sections('## DC7')).toEqual([]);
    expect(sections('## **DC7** Subservice organizations')).toEqual([]);
    expect(sections('## <Icon /> DC7 Subservice organizations')).toEqual([]);
    expect(sections('## About DC7')).toHaveLength(1);
    expect(sections('## DC7x Section')).toHaveLength(1);
    expect(sections('## DC70 Section')).toHaveLength(1);
    expect(sections('### DC7 Section')).toHaveLength(1);
    expect(sections('# DC7 Section')).toHaveLength(1);
  });

  it('counts a section inside a component, and never a heading in code', () => {
    const others = ALL_SECTIONS.filter((h) => !h.includes('DC7'));
    const wrapped = run({
      [SYSTEM_DESCRIPTION_FILE]: description([...others, '<Section>\n\n## DC7 Subservice\n\n</Section>']),
    });
    expect(wrapped).toEqual([]);
    const inCode = run({ [SYSTEM_DESCRIPTION_FILE]: description([...others, '```md\n## DC7 Section\n```']) });
    expect(inCode).toHaveLength(1);
  });

  it('is not read for sections when its body does not parse (its own finding says so)', () => {
    const broken = description(['<Section>', '## DC1 Section']);
    expect(run({ [SYSTEM_DESCRIPTION_FILE]: broken }, { broken: [SYSTEM_DESCRIPTION_FILE] })).toEqual([]);
  });
});

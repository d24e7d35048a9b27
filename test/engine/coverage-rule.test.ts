/**
 * The coverage rule run on its own against a model (no full check): TB301 for a criterion without a control,
 * TB314 and TB315 for the stretches of the window no control covered or none covered effectively (grouped by
 * cause), and the exclusions an auditor would not accept (TB310–TB313). validProgram(): window
 * 2026-01-01..2026-06-30, evaluated 2026-07-15, one quarterly control BASE-01 for every security criterion.
 */
import { describe, expect, it } from 'vitest';
import { criteriaOf } from '../../src/catalog/index.ts';
import { buildModel, type Diagnostic, type ProgramModel } from '../../src/engine/index.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';
import { coverageRule, isSubstantiveReason } from '../../src/engine/rules/coverage.ts';
import { edit, validProgram, without, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const SECURITY = criteriaOf('security').map((criterion) => criterion.id);
const REASON = 'The system keeps no availability commitments to its users.';

function modelOf(files: Files): ProgramModel {
  return buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
}

const run = (files: Files, asOf = '2026-07-15', code?: Diagnostic['code']) =>
  coverageRule(modelOf(files), { asOf } as RuleContext).filter(
    (diagnostic) => code === undefined || diagnostic.code === code,
  );

const codes = (files: Files, asOf?: string) => run(files, asOf).map((d) => `${d.code} ${d.subject?.id}`);

const withControlDates = (dates: string, files: Files = validProgram()) =>
  edit(files, CONTROL, 'frequency: quarterly', `frequency: quarterly\n${dates}`);

/** BASE-02 for the given criteria, with its own quarterly evidence on time. */
const secondControl = (criteria: string, dates = '', files: Files = validProgram()): Files => {
  const valid = validProgram();
  return {
    ...files,
    'content/controls/BASE-02.mdx': valid[CONTROL]!.replace('id: BASE-01', 'id: BASE-02')
      .replace(/criteria: \[.*\]/, `criteria: [${criteria}]`)
      .replace('frequency: quarterly', `frequency: quarterly\n${dates}`),
    'evidence-index/EV-BASE-02.mdx': valid[EVIDENCE]!.replace('id: EV-BASE-01', 'id: EV-BASE-02').replace(
      'controls: [BASE-01]',
      'controls: [BASE-02]',
    ),
  };
};

const ineffective = (files: Files = validProgram()) =>
  edit(
    files,
    EVIDENCE,
    '---\n\nExported',
    'exceptions:\n  - { period: 2026-Q1, description: "The review did not run.", disclosed: 2026-07-05, response: "Run it now." }\n---\n\nExported',
  );

const excluding = (entries: [string, string][], scope = 'security', files: Files = validProgram()) =>
  edit(
    files,
    PROGRAM,
    'scope: [security]',
    `scope: [${scope}]\nexcluded_criteria:\n${entries.map(([id, reason]) => `  - { id: ${id}, reason: "${reason}" }\n`).join('')}`,
  );

const withoutCriterion = (id: string, files: Files = validProgram()) => edit(files, CONTROL, `${id}, `, '');

describe('TB301: a criterion without a control', () => {
  it('is an error on the program’s scope naming the criterion and its category', () => {
    expect(run(withoutCriterion('CC6.4'))).toEqual([
      {
        severity: 'error',
        code: 'TB301',
        file: PROGRAM,
        line: 5,
        subject: { kind: 'program', id: 'CC6.4' },
        message:
          'CC6.4 (Physical access to facilities and assets) has no implemented control, and security (common criteria) is in scope',
        hint: expect.stringContaining('`CC6.4`'),
      },
    ]);
  });

  it('is not reported for an excluded criterion, nor one a control that failed its schema names', () => {
    expect(
      codes(
        excluding(
          [['CC6.4', 'The company has no offices or data centres of its own.']],
          'security',
          withoutCriterion('CC6.4'),
        ),
      ),
    ).toEqual(['TB310 CC6.4']);
    const broken = {
      ...withoutCriterion('CC6.4'),
      'content/controls/BROKEN.mdx': '---\nid: BROKEN\ntitle: Broken\ncriteria: [CC6.4]\n---\n\nNo owner.\n',
    };
    expect(codes(broken)).toEqual([]);
  });

  it('is not reported at all when a control file could not be parsed', () => {
    const unparsed = { ...withoutCriterion('CC6.4'), 'content/controls/BAD.mdx': '---\nid: [unclosed\n---\n' };
    expect(run(unparsed)).toEqual([]);
  });

  it('reports nothing without a program', () => {
    expect(run(without(validProgram(), PROGRAM))).toEqual([]);
  });
});

describe('TB314: days no control was in operation', () => {
  it('groups the criteria of one cause into one finding naming them all', () => {
    const found = run(withControlDates('implemented: 2026-01-02'));
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'TB314',
        file: PROGRAM,
        line: 8,
        subject: { kind: 'program', id: SECURITY[0] },
        message: `${SECURITY.length} criteria (${SECURITY.join(', ')}) had no control in operation on 2026-01-01; the report speaks for every day of the audit window`,
        hint: expect.stringMatching(
          /^The controls addressing them \(BASE-01\) were not in operation then: .* report them not met .* Address them with/,
        ),
      },
    ]);
  });

  it('names a criterion left alone by its own cause, with its label, in the singular', () => {
    const files = withControlDates(
      'implemented: 2026-04-01',
      secondControl(SECURITY.slice(1).join(', '), 'implemented: 2025-01-01'),
    );
    const found = run(files);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^CC1\.1 \(.+\) had no control in operation from 2026-01-01 to 2026-03-31; the report speaks/,
    );
    expect(found[0]!.hint).toMatch(
      /^The controls addressing it \(BASE-01\) were not in operation then: .* report the criterion not met .* Address it with/,
    );
    expect(found[0]!.subject).toEqual({ kind: 'program', id: 'CC1.1' });
  });

  it('tells apart the same days left by different controls', () => {
    const files = withControlDates(
      'implemented: 2026-04-01',
      secondControl('CC1.1', 'implemented: 2026-04-01', withoutCriterion('CC1.1')),
    );
    expect(
      run(files).map((d) => [d.subject?.id, d.message.split(' had ')[0]!.slice(0, 16), d.hint.slice(0, 50)]),
    ).toEqual([
      ['CC1.1', 'CC1.1 (Commitmen', 'The controls addressing it (BASE-02) were not in o'],
      ['CC1.2', '32 criteria (CC1', 'The controls addressing them (BASE-01) were not in'],
    ]);
  });

  it('leaves excluded criteria and those named by a broken control out of the stretches', () => {
    const files = excluding(
      [['CC1.1', 'The board oversight is handled by the parent company.']],
      'security',
      withControlDates('implemented: 2026-04-01'),
    );
    expect(run(files, '2026-07-15', 'TB314')[0]!.message).toMatch(
      new RegExp(`^${SECURITY.length - 1} criteria \\(CC1\\.2,`),
    );
    const broken = {
      ...withControlDates('implemented: 2026-04-01'),
      'content/controls/BROKEN.mdx': '---\nid: BROKEN\ntitle: Broken\ncriteria: [CC1.1]\n---\n\nNo owner.\n',
    };
    expect(run(broken, '2026-07-15', 'TB314')[0]!.message).toMatch(
      new RegExp(`^${SECURITY.length - 1} criteria \\(CC1\\.2,`),
    );
    const unparsed = {
      ...withControlDates('implemented: 2026-04-01'),
      'content/controls/BAD.mdx': '---\nid: [unclosed\n---\n',
    };
    expect(run(unparsed)).toEqual([]);
  });
});

describe('TB315: days no control operated effectively', () => {
  it('names the criteria and the controls that did not operate effectively', () => {
    expect(run(ineffective())).toEqual([
      {
        severity: 'error',
        code: 'TB315',
        file: PROGRAM,
        line: 8,
        subject: { kind: 'program', id: SECURITY[0] },
        message: `${SECURITY.length} criteria (${SECURITY.join(', ')}) were not met from 2026-01-01 to 2026-06-30: BASE-01 did not operate effectively over the window`,
        hint: expect.stringContaining('Tolerable deviations'),
      },
    ]);
  });

  it('says "was" for one criterion', () => {
    const files = secondControl(SECURITY.slice(1).join(', '), '', ineffective());
    expect(run(files).map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^CC1\.1 \(.+\) was not met from 2026-01-01 to 2026-06-30: BASE-01 did not operate effectively/,
      ),
    ]);
  });
});

describe('exclusions', () => {
  it('is an error to exclude every criterion of a category in scope', () => {
    const files = excluding(
      criteriaOf('availability').map((criterion) => [criterion.id, REASON]),
      'security, availability',
    );
    expect(run(files)).toEqual([
      {
        severity: 'error',
        code: 'TB312',
        file: PROGRAM,
        line: 6,
        subject: { kind: 'program', id: 'availability' },
        message: 'every criterion of availability is excluded, yet the category is in scope',
        hint: 'Remove `availability` from `scope` if the report is not to cover it; otherwise address its criteria with controls.',
      },
    ]);
  });

  it('tells a program excluding all of security that security is always in scope, and no more', () => {
    const files = excluding(
      SECURITY.map((id) => [id, REASON]),
      'security',
      { ...validProgram(), [CONTROL]: validProgram()[CONTROL]!.replace(/criteria: \[.*\]/, 'criteria: [CC1.1]') },
    );
    const found = run(files);
    expect(found.filter((d) => d.code === 'TB312')).toEqual([
      expect.objectContaining({
        subject: { kind: 'program', id: 'security' },
        hint: 'Security is always in scope: address its criteria with controls instead of excluding them.',
      }),
    ]);
    expect(found.filter((d) => d.code === 'TB310')).toEqual([]);
    expect(found.filter((d) => d.code === 'TB313').map((d) => d.subject?.id)).toEqual(['CC1.1']);
  });

  it('warns that a common criterion applies to every examination', () => {
    const files = excluding([['CC6.4', REASON]], 'security', withoutCriterion('CC6.4'));
    expect(run(files)).toEqual([
      {
        severity: 'warning',
        code: 'TB310',
        file: PROGRAM,
        line: 7,
        subject: { kind: 'program', id: 'CC6.4' },
        message: 'CC6.4 is a common criterion, and common criteria apply to every SOC 2 examination',
        hint: expect.stringContaining('challenge'),
      },
    ]);
  });

  it('wants a reason an auditor can weigh', () => {
    const files = excluding([['A1.1', 'n/a']], 'security, availability', secondControl('A1.2, A1.3'));
    expect(run(files)).toEqual([
      {
        severity: 'error',
        code: 'TB311',
        file: PROGRAM,
        line: 7,
        subject: { kind: 'program', id: 'A1.1' },
        message: 'the exclusion of A1.1 gives no reason an auditor can weigh ("n/a")',
        hint: expect.stringContaining('DC8'),
      },
    ]);
    expect(run(excluding([['A1.1', REASON]], 'security, availability', secondControl('A1.2, A1.3')))).toEqual([]);
  });

  it('warns when an excluded criterion is addressed by controls, naming them', () => {
    const one = excluding([['A1.1', REASON]], 'security, availability', secondControl('A1.1, A1.2, A1.3'));
    expect(run(one)).toEqual([
      {
        severity: 'warning',
        code: 'TB313',
        file: PROGRAM,
        line: 7,
        subject: { kind: 'program', id: 'A1.1' },
        message: 'A1.1 is excluded, yet BASE-02 addresses it',
        hint: expect.stringContaining('remove the exclusion'),
      },
    ]);
    const two = excluding([['CC1.1', REASON]], 'security', secondControl('CC1.1'));
    expect(run(two, '2026-07-15').find((d) => d.code === 'TB313')!.message).toBe(
      'CC1.1 is excluded, yet BASE-01, BASE-02 address it',
    );
  });

  it('leaves an exclusion of a criterion out of scope to the identity rule', () => {
    expect(run(excluding([['A1.1', 'n/a']], 'security'))).toEqual([]);
  });
});

describe('a substantive reason', () => {
  it('has at least four words and twenty characters, and is not a placeholder', () => {
    expect(isSubstantiveReason('No offices of any kind')).toBe(true);
    expect(isSubstantiveReason('No offices of ours')).toBe(false); // 18 characters
    expect(isSubstantiveReason('No offices whatsoever anywhere')).toBe(true);
    expect(isSubstantiveReason('Nooffices whatsoever, anywhere')).toBe(false); // three words
    expect(isSubstantiveReason('aaaa bbbb cccc dddde')).toBe(true); // exactly twenty
    expect(isSubstantiveReason('aaaa bbbb cccc dddd')).toBe(false); // nineteen
    expect(isSubstantiveReason('aaaa bbbb cccc dddd....')).toBe(false);
    expect(isSubstantiveReason('  aaaa bbbb cccc dddde  ')).toBe(true);
  });

  it('is none of the words that state no reason, however written', () => {
    for (const word of [
      'n/a',
      'NA',
      'none',
      'Not applicable.',
      'does not apply',
      'TBD',
      'to do',
      '---',
      '...',
      'x',
      'yes',
    ])
      expect(isSubstantiveReason(word)).toBe(false);
  });
});

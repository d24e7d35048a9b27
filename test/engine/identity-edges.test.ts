/**
 * The identity rule called on a model, at the edges identity-rules.test.ts leaves open: each finding's message,
 * hint and line (lists written in block style, so a finding pointing at the wrong entry shows), every place a
 * criterion id is written, each kind of reference and checklist binding, and a program without a people file
 * or without program.yaml.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/index.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { identityRule } from '../../src/engine/rules/identity.ts';
import { edit, validProgram, without, type Files } from '../helpers/program.ts';
import { ruleContext } from '../helpers/small-program.ts';

const PROGRAM = 'content/program.yaml';
const PEOPLE = 'content/people.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';

/** The identity rule's findings on the files given, which must build without an error of their own. */
const run = (files: Files): Diagnostic[] => {
  const { model, diagnostics } = buildModel(Object.entries(files).map(([path, text]) => ({ path, text })));
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`the test program does not build: ${JSON.stringify(errors)}`);
  return identityRule(model, ruleContext('2026-07-15'));
};

/** Each finding as `code file:line message | hint`. */
const shown = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.file}:${d.line} ${d.message} | ${d.hint}`);

const control = (id: string, fields: string) => `---
id: ${id}
title: ${id} control
${fields}
owner: security-lead
frequency: quarterly
---

Done every quarter.
`;

const checklist = (body: string) => `---
id: ready
title: Ready
---

${body}
`;

describe('a program whose ids and references all resolve', () => {
  it('has no identity finding', () => {
    expect(run(validProgram())).toEqual([]);
  });

  it('has none either without a people file or without program.yaml', () => {
    expect(run(without(validProgram(), PEOPLE))).toEqual([]);
    expect(run(without(validProgram(), PROGRAM))).toEqual([]);
  });
});

describe('duplicate ids (TB201)', () => {
  it('are reported in each later document of the kind, naming the first, on its `id` line', () => {
    const files = validProgram();
    const found = run({
      ...files,
      'content/controls/BASE-02.mdx': files[CONTROL]!,
      'content/controls/BASE-03.mdx': files[CONTROL]!.replace('---\nid:', '---\n# the third\nid:'),
    });
    expect(shown(found)).toEqual([
      `TB201 content/controls/BASE-02.mdx:2 duplicate control id \`BASE-01\`: ${CONTROL} uses it too | Give each document its own id; references would otherwise point at either.`,
      `TB201 content/controls/BASE-03.mdx:3 duplicate control id \`BASE-01\`: ${CONTROL} uses it too | Give each document its own id; references would otherwise point at either.`,
    ]);
  });

  it('are not reported for one id used by documents of two kinds', () => {
    const files = validProgram();
    expect(run({ ...files, 'policies/access-review.mdx': files['policies/data-retention.mdx']! })).toEqual([]);
  });

  it('are reported in people.yaml on the `id` line of each later role or staff member using an id', () => {
    // Each `id` is a record's second key, so the line of the key and the line of the record differ.
    const people = `roles:
  - title: Chief Executive Officer
    id: ceo
  - title: Security Lead
    id: security-lead
  - title: Chief Executive Officer again
    id: ceo
staff:
  - role: ceo
    id: ada
    hired: 2024-01-10
    background_check: 2024-01-02
  - role: ceo
    id: security-lead
    hired: 2024-01-10
    background_check: 2024-01-02
  - role: security-lead
    id: ada
    hired: 2024-01-10
    background_check: 2024-01-02
`;
    const hint = 'Roles and staff share one namespace, because `owner` may name either. Rename one.';
    expect(shown(run({ ...validProgram(), [PEOPLE]: people }))).toEqual([
      `TB201 ${PEOPLE}:7 duplicate role or staff id \`ceo\` | ${hint}`,
      `TB201 ${PEOPLE}:14 duplicate role or staff id \`security-lead\` | ${hint}`,
      `TB201 ${PEOPLE}:18 duplicate role or staff id \`ada\` | ${hint}`,
    ]);
  });
});

describe('unknown criteria (TB202)', () => {
  const upper = 'Did you mean `CC6.1`? Criterion ids are upper case.';

  it('are found in a policy, a control, a vendor CSOC and a program CUEC, each on the line of the id', () => {
    let files = edit(
      validProgram(),
      'policies/data-retention.mdx',
      'owner:',
      'criteria:\n  - CC6.1\n  - cc6.1\nowner:',
    );
    files = {
      ...files,
      'content/controls/EXTRA-01.mdx': control('EXTRA-01', 'criteria:\n  - CC6.1\n  - cc6.1'),
      'content/vendors/cloudco.yaml': `id: cloudco
name: CloudCo
purpose: Hosting
criticality: high
subprocessor: true
added: 2025-01-01
reviewed: 2026-03-01
csocs:
  - control: Badged entry
    criteria: [CC6.4]
  - control: Media erased
    criteria:
      - CC6.5
      - cc6.1
`,
    };
    files = edit(
      files,
      PROGRAM,
      'as_of:',
      'cuecs:\n  - id: CUEC-1\n    control: Users keep passwords\n    criteria: [CC6.1]\n  - id: CUEC-2\n    control: Users report incidents\n    criteria:\n      - CC7.3\n      - cc6.1\nas_of:',
    );
    expect(shown(run(files))).toEqual([
      `TB202 policies/data-retention.mdx:7 \`cc6.1\` is not a Trust Services Criterion | ${upper}`,
      `TB202 content/controls/EXTRA-01.mdx:6 \`cc6.1\` is not a Trust Services Criterion | ${upper}`,
      `TB202 content/vendors/cloudco.yaml:14 \`cc6.1\` is not a Trust Services Criterion | ${upper}`,
      `TB202 ${PROGRAM}:18 \`cc6.1\` is not a Trust Services Criterion | ${upper}`,
    ]);
  });

  it('suggest the closest id when the upper-case id is no criterion either, and none when nothing is close', () => {
    const files = {
      ...validProgram(),
      'content/controls/EXTRA-01.mdx': control('EXTRA-01', 'criteria: [CC6.1, CC6.10, Q9.9.9.9.9]'),
    };
    const rest =
      'Use an id from the 2017 Trust Services Criteria, such as CC6.1 or A1.2 (see docs/criteria.md for the list).';
    expect(run(files).map((d) => d.hint)).toEqual([`Did you mean \`CC6.1\`? ${rest}`, rest]);
  });
});

describe('points of focus (TB210)', () => {
  it('reports one that does not exist, with its criterion and how many it has, and one of a criterion not addressed', () => {
    const files = {
      ...validProgram(),
      'content/controls/EXTRA-01.mdx': control(
        'EXTRA-01',
        'criteria: [CC6.1]\npoints_of_focus:\n  - CC6.1.1\n  - CC6.1.99\n  - CC9.9.1\n  - CC7.2.1',
      ),
    };
    const found = run(files);
    expect(shown(found)).toEqual([
      'TB210 content/controls/EXTRA-01.mdx:7 `CC6.1.99` is not a point of focus | CC6.1 has points of focus CC6.1.1 to CC6.1.13; see docs/criteria.md.',
      'TB210 content/controls/EXTRA-01.mdx:8 `CC9.9.1` is not a point of focus | Write a point of focus as its criterion id, a dot and its number, e.g. `CC6.1.3`; see docs/criteria.md.',
      "TB210 content/controls/EXTRA-01.mdx:9 `CC7.2.1` is a point of focus of CC7.2, which EXTRA-01 does not address | Add CC7.2 to the control's `criteria`, or remove the point of focus.",
    ]);
    expect(found.map((d) => d.subject)).toEqual(Array(3).fill({ kind: 'control', id: 'EXTRA-01' }));
  });
});

describe('references to unknown documents', () => {
  it('are reported by the kind they name, on the line of the id, with a near miss or the folder to create it in', () => {
    const files = {
      ...validProgram(),
      'content/controls/EXTRA-01.mdx': control(
        'EXTRA-01',
        'criteria: [CC6.1]\npolicies:\n  - information-security\n  - information-securty\nprocedures:\n  - access-review\n  - zzzz',
      ),
      'content/procedures/extra.mdx':
        '---\nid: extra\ntitle: Extra\nowner: security-lead\nfrequency: quarterly\npolicies: [qqqq]\n---\n\nSteps.\n',
      'content/risks/R-01.mdx':
        '---\nid: R-01\ntitle: Data loss\nowner: security-lead\nlikelihood: 2\nimpact: 3\ntreatment: mitigate\ncontrols: [BASE-01, QQQQ-99]\nresidual: low\nreviewed: 2026-03-01\n---\n\nA risk.\n',
    };
    const found = run(files);
    expect(shown(found)).toEqual([
      'TB203 content/controls/EXTRA-01.mdx:7 no policy has the id `information-securty` | Did you mean `information-security`?',
      'TB205 content/controls/EXTRA-01.mdx:10 no procedure has the id `zzzz` | Create it in content/procedures/ or correct the id.',
      'TB203 content/procedures/extra.mdx:6 no policy has the id `qqqq` | Create it in policies/ or correct the id.',
      'TB204 content/risks/R-01.mdx:8 no control has the id `QQQQ-99` | Create it in content/controls/ or correct the id.',
    ]);
  });

  it('are reported for a checklist item by the kind it names, and a rule the build does not know (TB209)', () => {
    const files = {
      ...validProgram(),
      'content/checklists/ready.mdx': checklist(
        [
          '<Check control="BASE-01">ok</Check>',
          '<Check policy="data-retention">ok</Check>',
          '<Check evidence="EV-BASE-01">ok</Check>',
          '<Check rule="coverage" />',
          '<Check control="QQQQ-99">x</Check>',
          '<Check policy="qqqq">x</Check>',
          '<Check evidence="EV-BASE-02">x</Check>',
          '<Check evidence="QQQQ">x</Check>',
          '<Check rule="magic" />',
        ].join('\n\n'),
      ),
    };
    expect(shown(run(files))).toEqual([
      'TB204 content/checklists/ready.mdx:14 no control has the id `QQQQ-99` | Create it in content/controls/ or correct the id.',
      'TB203 content/checklists/ready.mdx:16 no policy has the id `qqqq` | Create it in policies/ or correct the id.',
      'TB207 content/checklists/ready.mdx:18 no evidence series has the id `EV-BASE-02` | Did you mean `EV-BASE-01`?',
      'TB207 content/checklists/ready.mdx:20 no evidence series has the id `QQQQ` | Create it in evidence-index/ or correct the id.',
      'TB209 content/checklists/ready.mdx:22 `<Check rule="magic">` names no rule the build knows | Use one of: coverage, required-documents, training, vendors, risks.',
    ]);
  });
});

describe('unknown people and roles (TB206)', () => {
  it('accepts a staff member as an owner, and reports an owner or an approver people.yaml does not know', () => {
    let files = edit(validProgram(), 'policies/data-retention.mdx', 'owner: security-lead', 'owner: ada');
    files = edit(files, 'policies/incident-response.mdx', 'owner: security-lead', 'owner: qqqq');
    files = edit(files, 'policies/acceptable-use.mdx', 'approved_by: ceo', 'approved_by: cfo');
    const found = run(files);
    expect(shown(found)).toEqual([
      'TB206 policies/acceptable-use.mdx:6 `approved_by` names `cfo`, which is not a role or staff member in content/people.yaml | Did you mean `ceo`?',
      'TB206 policies/incident-response.mdx:5 `owner` names `qqqq`, which is not a role or staff member in content/people.yaml | Add `qqqq` to content/people.yaml or name an existing id.',
    ]);
  });

  it('reports a policy applying to a staff member rather than a role, on the line of the entry', () => {
    const files = edit(
      validProgram(),
      'policies/data-retention.mdx',
      'owner:',
      'applies_to:\n  - ceo\n  - ada\nowner:',
    );
    expect(shown(run(files))).toEqual([
      'TB206 policies/data-retention.mdx:7 `applies_to` names `ada`, which is not a role in content/people.yaml | Add `ada` to content/people.yaml or name an existing id.',
    ]);
  });

  it('reports a staff member whose role is not a role, on the `role` line', () => {
    const people = `roles:
  - { id: ceo, title: Chief Executive Officer }
  - { id: security-lead, title: Security Lead }
staff:
  - { id: ada, role: ceo, hired: 2024-01-10, background_check: 2024-01-02 }
  - id: bob
    hired: 2024-01-10
    role: ada
    background_check: 2024-01-02
`;
    expect(shown(run({ ...validProgram(), [PEOPLE]: people }))).toEqual([
      `TB206 ${PEOPLE}:8 \`role\` names \`ada\`, which is not a role in ${PEOPLE} | Add \`ada\` to ${PEOPLE} or name an existing id.`,
    ]);
  });
});

describe('excluded criteria', () => {
  const excluding = (scope: string, ids: string[]) =>
    edit(
      validProgram(),
      PROGRAM,
      'scope: [security]',
      `scope: [${scope}]\nexcluded_criteria:\n${ids.map((id) => `  - id: ${id}\n    reason: The system holds no such data`).join('\n')}`,
    );

  it('reports an id that is no criterion (TB202) and one whose category is not in scope (TB208), on their lines', () => {
    expect(shown(run(excluding('security', ['CC6.1', 'p3.2', 'P3.2'])))).toEqual([
      `TB202 ${PROGRAM}:9 excluded criterion \`p3.2\` is not a Trust Services Criterion | Did you mean \`P3.2\`? Criterion ids are upper case.`,
      `TB208 ${PROGRAM}:11 \`P3.2\` is excluded, but its category (privacy) is not in scope | Only criteria of in-scope categories can be excluded. Remove the entry, or add the category to \`scope\`.`,
    ]);
  });

  it('accepts a criterion of a category in scope', () => {
    expect(run(excluding('security, privacy', ['P3.2']))).toEqual([]);
  });
});

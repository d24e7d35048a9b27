import { describe, expect, it } from 'vitest';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';

describe('identity rule', () => {
  it('is silent on a program whose references all resolve', () => {
    const codes = check(validProgram()).diagnostics.map((d) => d.code);
    expect(codes.filter((code) => code.startsWith('TB2'))).toEqual([]);
  });

  it('reports a duplicate id in the later file, naming the first', () => {
    const files = validProgram();
    const result = check({ ...files, 'content/controls/BASE-02.mdx': files[CONTROL]! });
    expect(findings(result, 'TB201')).toEqual([
      expect.objectContaining({
        file: 'content/controls/BASE-02.mdx',
        line: 2,
        message: expect.stringContaining(CONTROL),
      }),
    ]);
  });

  it('rejects a criterion that does not exist, such as CC9.9', () => {
    const result = check(edit(validProgram(), CONTROL, 'criteria: [CC1.1,', 'criteria: [CC9.9, CC1.1,'));
    expect(findings(result, 'TB202')).toEqual([expect.objectContaining({ file: CONTROL, line: 4 })]);
  });

  it('reports references to unknown policies, procedures and controls, suggesting the near miss', () => {
    let files = edit(validProgram(), CONTROL, 'policies: [information-security]', 'policies: [information-securty]');
    files = edit(files, CONTROL, 'procedures: [access-review]', 'procedures: [nope]');
    files = edit(files, 'evidence-index/EV-BASE-01.mdx', 'controls: [BASE-01]', 'controls: [BASE-01, BASE-99]');
    const result = check(files);
    expect(findings(result, 'TB203')).toEqual([
      expect.objectContaining({ file: CONTROL, line: 5, hint: 'Did you mean `information-security`?' }),
    ]);
    expect(findings(result, 'TB205')).toEqual([expect.objectContaining({ file: CONTROL, line: 6 })]);
    expect(findings(result, 'TB204')).toEqual([
      expect.objectContaining({ file: 'evidence-index/EV-BASE-01.mdx', line: 4 }),
    ]);
  });

  it('does not report references to a document whose own frontmatter is broken', () => {
    const files = edit(validProgram(), 'policies/information-security.mdx', 'owner: security-lead', 'owner: [oops]');
    const result = check(files);
    expect(findings(result, 'TB203')).toEqual([]);
    expect(findings(result, 'TB104')).toHaveLength(1);
  });

  it('reports owners and approvers that are not in people.yaml', () => {
    const result = check(
      edit(validProgram(), 'policies/incident-response.mdx', 'approved_by: ceo', 'approved_by: cfo'),
    );
    expect(findings(result, 'TB206')).toEqual([
      expect.objectContaining({ file: 'policies/incident-response.mdx', line: 6 }),
    ]);
  });

  it('checks the targets of checklist items', () => {
    const files = {
      ...validProgram(),
      'content/checklists/ready.mdx':
        '---\nid: ready\ntitle: Ready\n---\n\n<Check control="BASE-01">ok</Check>\n\n<Check evidence="EV-NOPE">x</Check>\n\n<Check rule="magic" />\n',
    };
    const result = check(files);
    expect(findings(result, 'TB207')).toEqual([expect.objectContaining({ line: 8 })]);
    expect(findings(result, 'TB209')).toEqual([expect.objectContaining({ line: 10 })]);
    expect(findings(result, 'TB204')).toEqual([]);
  });

  it('refuses to exclude a criterion of a category that is not in scope', () => {
    const files = edit(
      validProgram(),
      'content/program.yaml',
      'scope: [security]',
      'scope: [security]\nexcluded_criteria:\n  - { id: P3.2, reason: no consent }',
    );
    expect(findings(check(files), 'TB208')).toEqual([expect.objectContaining({ line: 7 })]);
  });
});

describe('the subject of a finding', () => {
  it('is the document whose file it is in when the rule names none, so nothing matches findings by file name', () => {
    const result = check(edit(validProgram(), 'policies/data-retention.mdx', 'owner: security-lead', 'owner: nobody'));
    expect(findings(result, 'TB206')).toEqual([
      expect.objectContaining({
        file: 'policies/data-retention.mdx',
        subject: { kind: 'policy', id: 'data-retention' },
      }),
    ]);
  });

  it('stays what the rule said when it names one (a person in people.yaml, a period of a series)', () => {
    const result = check(validProgram(), { asOf: '2027-06-01' });
    const training = findings(result, 'TB507');
    expect(training.length).toBeGreaterThan(0);
    expect(training.every((d) => d.subject?.kind === 'person')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { criteriaOf } from '../../src/catalog/index.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';
const CONTROL = 'content/controls/BASE-01.mdx';

const ids = (category: Parameters<typeof criteriaOf>[0]) => criteriaOf(category).map((criterion) => criterion.id);

/** The test program with `categories` in scope, each covered by its own control per criterion. */
function withScope(...categories: ('privacy' | 'processing-integrity' | 'availability')[]): Files {
  let files = edit(validProgram(), PROGRAM, 'scope: [security]', `scope: [security, ${categories.join(', ')}]`);
  for (const category of categories) {
    for (const id of ids(category)) {
      files = {
        ...files,
        [`content/controls/${id}.mdx`]: `---\nid: C-${id}\ntitle: Control for ${id}\ncriteria: [${id}]\nowner: security-lead\nfrequency: annual\nstatus: planned\n---\n\nIt is planned.\n`,
      };
    }
  }
  return files;
}

const policy = (criteria: string, effective = '2026-03-01') =>
  `---\ntitle: Notice\nversion: "1"\nowner: security-lead\napproved_by: ceo\napproved: 2026-03-01\neffective: ${effective}\ncriteria: [${criteria}]\n---\n\nWhat we tell people.\n`;

describe('documents a category in scope needs', () => {
  it('needs the privacy notice (a policy in force addressing P1.1) once privacy is in scope', () => {
    const files = withScope('privacy');
    expect(findings(check(files), 'TB331')).toEqual([
      expect.objectContaining({ severity: 'error', file: PROGRAM, line: 5 }),
    ]);
    expect(findings(check({ ...files, 'policies/privacy-notice.mdx': policy('P1.1') }), 'TB331')).toEqual([]);
    // A notice that takes effect after the evaluation date is not in force yet.
    const later = { ...files, 'policies/privacy-notice.mdx': policy('P1.1', '2026-07-16') };
    expect(findings(check(later), 'TB331')).toHaveLength(1);
  });

  it('needs the processing specifications (PI1.1) once processing integrity is in scope, and nothing out of scope', () => {
    expect(findings(check(withScope('processing-integrity')), 'TB332')).toHaveLength(1);
    const files = { ...withScope('processing-integrity'), 'policies/processing.mdx': policy('PI1.1') };
    expect(findings(check(files), 'TB332')).toEqual([]);
    expect(findings(check(validProgram()), 'TB331')).toEqual([]);
    expect(findings(check(validProgram()), 'TB332')).toEqual([]);
  });
});

describe('one control claiming a whole category', () => {
  it('warns about a control claiming every availability criterion, and not one claiming all but one', () => {
    const files = withScope('availability');
    const all = edit(files, CONTROL, /criteria: \[/, `criteria: [${ids('availability').join(', ')}, `);
    expect(findings(check(all), 'TB333')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: CONTROL,
        line: 4,
        message: expect.stringMatching(/BASE-01 claims every criterion of Availability/),
      }),
    ]);
    const allButOne = edit(files, CONTROL, /criteria: \[/, `criteria: [${ids('availability').slice(1).join(', ')}, `);
    expect(findings(check(allButOne), 'TB333')).toEqual([]);
  });

  it('does not judge the common criteria this way: the test program’s baseline control claims them all', () => {
    expect(findings(check(validProgram()), 'TB333')).toEqual([]);
  });
});

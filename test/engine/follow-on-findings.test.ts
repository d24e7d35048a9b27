import { describe, expect, it } from 'vitest';
import { check, edit, validProgram } from '../helpers/program.ts';

/** One broken file gets one finding, not a cascade of findings about the things it would have provided. */
describe('a document that fails its schema', () => {
  it('is a control: its criteria are not reported as uncovered', () => {
    const result = check(
      edit(validProgram(), 'content/controls/BASE-01.mdx', 'frequency: quarterly', 'frequency: quartely'),
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TB104']);
  });

  it('is an evidence series: its control is not reported as without evidence', () => {
    const result = check(
      edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', 'frequency: quarterly', 'frequncy: quarterly'),
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TB102']);
  });

  it('is a required policy: the policy is not also reported as missing', () => {
    const result = check(edit(validProgram(), 'policies/incident-response.mdx', 'version: "1.0"', 'version: [1]'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TB104']);
  });
});

describe('a document whose frontmatter does not parse at all', () => {
  it('is one finding: its id still answers references, and nothing is reported missing because of it', () => {
    for (const [file, search] of [
      ['policies/information-security.mdx', 'title: information-security policy'],
      ['content/controls/BASE-01.mdx', 'title: Baseline security program'],
      ['evidence-index/EV-BASE-01.mdx', 'title: Baseline review record'],
    ] as const) {
      const result = check(edit(validProgram(), file, search, 'title: [broken'));
      expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['TB001', file]]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const file = 'policies/acceptable-use.mdx';
const body = 'The acceptable-use policy of the test company.';
const withBody = (text: string) => check(edit(validProgram(), file, body, text));

describe('merge conflict markers in a body (TB012)', () => {
  it('are an error from the opening marker to the closing one, whichever way the merge wrote them', () => {
    const three = withBody(`<<<<<<< client\nOurs.\n||||||| base\nBase.\n=======\nTheirs.\n>>>>>>> library, now`);
    expect(findings(three, 'TB012')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file,
        line: 14,
        message: expect.stringContaining('lines 14 to 20'),
      }),
    ]);
    expect(findings(withBody(`<<<<<<<\nOurs.\n=======\nTheirs.\n>>>>>>>`), 'TB012')).toHaveLength(1);
  });

  it('leave alone a line of seven signs that is not a marker, and an opening with no closing', () => {
    expect(findings(withBody('Heading\n=======\n\n<<<<<<<< eight\n>>>>>>>> eight'), 'TB012')).toEqual([]);
    expect(findings(withBody('<<<<<<< client\nOurs only.'), 'TB012')).toEqual([]);
  });

  it('are found once per conflict when a body has two', () => {
    const two = '<<<<<<< a\nx\n=======\ny\n>>>>>>> b\n\nMiddle.\n\n<<<<<<< a\nz\n=======\nw\n>>>>>>> b';
    expect(findings(withBody(two), 'TB012').map((finding) => finding.line)).toEqual([14, 22]);
  });
});

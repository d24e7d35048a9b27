/**
 * The bad-input corpus: each case starts from `validProgram()`, changes one thing, and names the outcome:
 * a clean pass when the input is valid, else the error it must produce (code, file, and line where one
 * applies). corpus.test.ts runs every case and also asserts that nothing throws; `npm run bench:corpus` times them
 * (5 s a case at most).
 *
 * Line numbers of the files of `validProgram()`:
 *   content/program.yaml   1 organization, 2 system, 3 website, 4 contact, 5 scope, 6 audit, 7 type, 8 period,
 *                          9 auditor, 10 as_of, 11 warn_within_days
 *   content/people.yaml    1 roles, 2 ceo, 3 security-lead, 4 staff, 5 ada
 *   a policy               1 ---, 2 title, 3 kind, 4 version, 5 owner, 6 approved_by, 7 approved, 8 effective,
 *                          9 in_force_since, 10 ---
 *   the control BASE-01    2 id, 3 title, 4 criteria, 5 policies, 6 procedures, 7 owner, 8 frequency, 9 ---
 *   the procedure          2 id, 3 title, 4 owner, 5 policies, 6 frequency, 7 ---
 *   the evidence series    2 id, 3 title, 4 controls, 5 owner, 6 frequency, 7 artifacts, 8 Q1, 9 Q2, 10 ---
 *   system description     2 title, 3 owner, 4 reviewed, 5 ---
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckOptions, DiagnosticCode } from '../../src/engine/index.ts';
import { edit, validProgram, without, type Files } from '../helpers/program.ts';

export const PROGRAM = 'content/program.yaml';
export const PEOPLE = 'content/people.yaml';
export const POLICY = 'policies/information-security.mdx';
export const CONTROL = 'content/controls/BASE-01.mdx';
export const PROCEDURE = 'content/procedures/access-review.mdx';
export const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
export const SYSTEM = 'content/system-description.mdx';
export const RISK = 'content/risks/R-01.mdx';
export const VENDOR = 'content/vendors/cloudco.yaml';
export const CHECKLIST = 'content/checklists/launch.mdx';
export const TRUST = 'content/trust/overview.mdx';

export type Kind =
  | 'YAML syntax'
  | 'file structure'
  | 'encoding and line ends'
  | 'size'
  | 'wrong types'
  | 'impossible dates'
  | 'out-of-range values'
  | 'unknown keys'
  | 'unknown criteria'
  | 'duplicate ids'
  | 'references'
  | 'artifact paths'
  | 'locations'
  | 'HTML and script'
  | 'program.yaml'
  | 'people.yaml'
  | 'unreadable files'
  | 'false greens'
  | 'MDX bodies'
  | 'unread files';

export type Expected = 'clean' | { code: DiagnosticCode; file: string; line: number | null; message?: RegExp };

export interface CorpusCase {
  name: string;
  kind: Kind;
  files: () => Files;
  /** Check from a temporary folder (checkProject); a function adds what text files cannot hold. */
  disk?: true | ((root: string) => void);
  /** A capability of the platform the case needs. */
  needs?: 'symlinks' | 'fifo';
  options?: CheckOptions;
  expect: Expected;
}

const error = (code: DiagnosticCode, file: string, line: number | null, message?: RegExp): Expected =>
  message ? { code, file, line, message } : { code, file, line };

/** `validProgram()` with one document of each optional kind added: a risk, a vendor, a checklist, a trust page. */
/** A subprocessor with a current SOC 2 report, reviewed in the window; `fields` adds lines at the end. */
export const subprocessor = (fields = '') => `id: cloudco
name: CloudCo
purpose: Hosting
data: [customer data]
criticality: high
subprocessor: true
locations: [United States]
added: 2025-01-01
reviewed: 2026-03-01
assurance: { type: soc2-type2, period_end: 2026-02-28 }
${fields}`;

export function fullProgram(): Files {
  return {
    ...validProgram(),
    [RISK]: `---
id: R-01
title: Credential theft
owner: security-lead
likelihood: 3
impact: 4
treatment: mitigate
controls: [BASE-01]
residual: low
reviewed: 2026-03-01
---

Phishing leads to a stolen password.
`,
    [VENDOR]: subprocessor(),
    [CHECKLIST]: `---
id: launch
title: Launch checklist
---

- <Check control="BASE-01">The baseline program runs</Check>
- <Check rule="coverage" />
`,
    [TRUST]: `---
title: Security overview
summary: How we protect customer data
---

We encrypt everything.
`,
  };
}

const withPolicyFile = (text: string): Files => ({ ...validProgram(), [POLICY]: text });
const policyText = () => validProgram()[POLICY]!;
const megabytes = (count: number, unit: string) => unit.repeat(Math.ceil((count * 1024 * 1024) / unit.length));
const xss = '"<script>alert(1)</script>"';
const img = '"<img src=x onerror=alert(document.cookie)>"';
const artifactFile = (file: string) =>
  edit(
    validProgram(),
    EVIDENCE,
    'location: "https://docs.test.example/q1.pdf"',
    `file: "${file}", sha256: ${'ab'.repeat(32)}`,
  );
const artifactLocation = (location: string) =>
  edit(validProgram(), EVIDENCE, '"https://docs.test.example/q1.pdf"', JSON.stringify(location));

export const corpus: CorpusCase[] = [
  // ---------------------------------------------------------------- YAML syntax
  {
    name: 'a key indented under a scalar (bad indentation)',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), POLICY, 'owner: security-lead', '  owner: security-lead'),
    expect: error('TB001', POLICY, 5, /indentation of this key \(column 3\) does not match/),
  },
  {
    name: 'an artifact field misaligned in a block sequence (bad indentation)',
    kind: 'YAML syntax',
    files: () =>
      edit(
        validProgram(),
        EVIDENCE,
        /artifacts:\n[^\n]*\n/,
        'artifacts:\n  - collected: 2026-04-05\n     period: 2026-Q1\n',
      ),
    expect: error('TB001', EVIDENCE, 9, /indentation of this key \(column 6\) does not match/),
  },
  {
    name: 'a program.yaml key indented under a scalar (bad indentation)',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PROGRAM, 'system: Test Platform', '   system: Test Platform'),
    expect: error('TB001', PROGRAM, 2, /indentation of this key \(column 4\) does not match/),
  },
  {
    name: 'an unclosed flow list followed by more keys',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), CONTROL, /CC9\.2\]/, 'CC9.2'),
    // The line where the list opens, not the next key, where the parser gives up.
    expect: error('TB001', CONTROL, 4, /list opened with \[ on this line \(column 11\) is never closed with \]/),
  },
  {
    name: 'an unclosed flow list on the last line of a YAML file points at that line, not past the end',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PROGRAM, 'warn_within_days: 30', 'warn_within_days: [30'),
    expect: error('TB001', PROGRAM, 11, /list opened with \[ .* never closed/),
  },
  {
    name: 'an unclosed flow map on the last frontmatter line points at it, not at the closing ---',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PROCEDURE, 'frequency: quarterly', 'frequency: { every: quarter'),
    expect: error('TB001', PROCEDURE, 6, /map opened with \{ .* never closed with \}/),
  },
  {
    name: 'tab indentation in the frontmatter',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), EVIDENCE, '  - { collected: 2026-04-05', '\t- { collected: 2026-04-05'),
    expect: error('TB001', EVIDENCE, 8, /indented with a tab \(column 1\); YAML indents with spaces only/),
  },
  {
    name: 'tab indentation in people.yaml',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PEOPLE, '  - { id: ada', '\t- { id: ada'),
    expect: error('TB001', PEOPLE, 5, /indented with a tab/),
  },
  {
    name: 'an unclosed double quote at the end of the frontmatter',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), POLICY, 'in_force_since: 2025-01-01', 'in_force_since: "2025-01-01'),
    expect: error('TB001', POLICY, 9, /value opened with " on this line \(column 17\) is never closed/),
  },
  {
    name: 'an unclosed single quote that swallows the rest of the frontmatter',
    kind: 'YAML syntax',
    files: () =>
      edit(validProgram(), POLICY, 'title: information-security policy', "title: 'information-security policy"),
    // The line the quote opens on, not the end of the frontmatter where the parser runs out.
    expect: error('TB001', POLICY, 2, /value opened with ' on this line \(column 8\) is never closed/),
  },
  {
    name: 'a duplicate key in the frontmatter, on the line of the second one',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-03-01\ntitle: Again'),
    expect: error('TB001', POLICY, 9, /`title` is given twice/),
  },
  {
    name: 'a duplicate key in program.yaml',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PROGRAM, 'as_of: 2026-07-15', 'as_of: 2026-07-15\nscope: [security]'),
    expect: error('TB001', PROGRAM, 11, /`scope` is given twice/),
  },
  {
    name: 'a duplicate key inside an artifact flow map',
    kind: 'YAML syntax',
    files: () =>
      edit(validProgram(), EVIDENCE, '{ collected: 2026-04-05,', '{ collected: 2026-04-05, collected: 2026-04-06,'),
    expect: error('TB001', EVIDENCE, 8, /`collected` is given twice .*column 30/),
  },
  {
    name: 'two YAML documents in program.yaml',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PROGRAM, 'as_of: 2026-07-15', '---\nas_of: 2026-07-15'),
    expect: error('TB001', PROGRAM, 10, /multiple documents/),
  },
  {
    name: 'an alias to an anchor that does not exist',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), POLICY, 'approved_by: ceo', 'approved_by: *boss'),
    expect: error('TB001', POLICY, 6, /alias/i),
  },
  {
    name: 'an alias bomb (billion laughs) is refused quickly',
    kind: 'YAML syntax',
    files: () =>
      edit(
        validProgram(),
        POLICY,
        'effective: 2026-03-01',
        [
          'effective: 2026-03-01',
          'a: &a [x, x, x, x, x, x, x, x, x]',
          'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
          'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
          'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
          'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
          'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
        ].join('\n'),
      ),
    expect: error('TB001', POLICY, 2, /alias/i),
  },
  {
    name: 'nesting a thousand levels deep',
    kind: 'YAML syntax',
    files: () =>
      edit(
        validProgram(),
        POLICY,
        'title: information-security policy',
        `title: ${'['.repeat(1000)}${']'.repeat(1000)}`,
      ),
    expect: error('TB001', POLICY, 2),
  },
  {
    name: 'an explicit !!timestamp tag cannot turn 2026-02-30 into March 2nd',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: !!timestamp 2026-02-30'),
    expect: error('TB001', POLICY, 7, /tag/),
  },
  {
    name: 'an explicit !!timestamp tag in a file with aliases (the guarded parser) is still text: TB103',
    kind: 'YAML syntax',
    files: () =>
      edit(
        validProgram(),
        POLICY,
        'approved: 2026-03-01\neffective: 2026-03-01',
        'approved: &day !!timestamp 2026-02-30\neffective: *day',
      ),
    expect: error('TB103', POLICY, 7, /2026-02-30/),
  },
  {
    name: 'a NUL byte inside the frontmatter',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), POLICY, 'title: information-security policy', 'title: information\u0000security'),
    expect: error('TB001', POLICY, 2),
  },
  {
    name: 'a line that is neither a key nor a list item',
    kind: 'YAML syntax',
    files: () =>
      edit(
        validProgram(),
        PROCEDURE,
        'owner: security-lead',
        'owner: security-lead\njust some words\nmore words: here',
      ),
    expect: error('TB001', PROCEDURE, 6),
  },
  {
    name: 'a colon inside an unquoted value in the frontmatter',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), POLICY, 'title: information-security policy', 'title: Security: the rules'),
    expect: error('TB001', POLICY, 2, /colon inside the unquoted value of `title` \(column 16\)/),
  },
  {
    name: 'a colon inside an unquoted value in program.yaml',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PROGRAM, 'system: Test Platform', 'system: Platform: core'),
    expect: error('TB001', PROGRAM, 2, /colon inside the unquoted value of `system`/),
  },
  {
    name: 'a list item indented further than the items before it',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PEOPLE, '  - { id: security-lead', '    - { id: security-lead'),
    expect: error('TB001', PEOPLE, 3, /list item is indented differently .*column 5/),
  },
  {
    name: 'a list item indented less than the items before it',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), EVIDENCE, '  - { collected: 2026-07-03', ' - { collected: 2026-07-03'),
    expect: error('TB001', EVIDENCE, 9, /list item is indented differently/),
  },
  {
    name: 'a value starting with a backtick',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), POLICY, 'title: information-security policy', 'title: `Security` policy'),
    expect: error('TB001', POLICY, 2, /cannot start with ``` \(column 8\) unless it is quoted/),
  },
  {
    name: 'a key without a space after its colon',
    kind: 'YAML syntax',
    files: () => edit(validProgram(), PROCEDURE, 'owner: security-lead', 'owner:security-lead'),
    expect: error('TB001', PROCEDURE, 4, /`owner:` needs a space after its colon/),
  },

  // ---------------------------------------------------------------- file structure
  {
    name: 'frontmatter that is never closed',
    kind: 'file structure',
    files: () =>
      withPolicyFile(policyText().replace('in_force_since: 2025-01-01\n---\n', 'in_force_since: 2025-01-01\n')),
    expect: error('TB002', POLICY, 1, /never closed/),
  },
  {
    name: 'frontmatter closed with the YAML end marker ... is valid',
    kind: 'file structure',
    files: () => edit(validProgram(), POLICY, 'in_force_since: 2025-01-01\n---', 'in_force_since: 2025-01-01\n...'),
    expect: 'clean',
  },
  {
    name: 'fences with trailing spaces and tabs are valid',
    kind: 'file structure',
    files: () => withPolicyFile(policyText().replace(/^---$/gm, '--- \t')),
    expect: 'clean',
  },
  {
    name: 'an empty policy file',
    kind: 'file structure',
    files: () => withPolicyFile(''),
    expect: error('TB004', POLICY, 1, /empty/),
  },
  {
    name: 'a whitespace-only evidence file',
    kind: 'file structure',
    files: () => ({ ...validProgram(), [EVIDENCE]: '  \n\t\n\r\n   ' }),
    expect: error('TB004', EVIDENCE, 1, /empty/),
  },
  {
    name: 'a control without frontmatter',
    kind: 'file structure',
    files: () => ({ ...validProgram(), [CONTROL]: '# BASE-01\n\nThe baseline program.\n' }),
    expect: error('TB004', CONTROL, 1, /does not start/),
  },
  {
    name: 'frontmatter that is a single scalar, not fields',
    kind: 'file structure',
    files: () => withPolicyFile('---\njust a sentence\n---\n\nBody.\n'),
    expect: error('TB104', POLICY, 2, /mapping/),
  },
  {
    name: 'frontmatter that is a list, not fields',
    kind: 'file structure',
    files: () => withPolicyFile('---\n- title\n- version\n---\n'),
    expect: error('TB104', POLICY, 2, /mapping/),
  },
  {
    name: 'empty frontmatter: every required field is missing',
    kind: 'file structure',
    files: () => ({ ...validProgram(), [SYSTEM]: '---\n---\n\n## DC1\n' }),
    expect: error('TB101', SYSTEM, 1, /`title`/),
  },
  {
    name: 'a vendor YAML file that is a list',
    kind: 'file structure',
    files: () => ({ ...fullProgram(), [VENDOR]: '- CloudCo\n- Hosting\n' }),
    expect: error('TB104', VENDOR, 1, /mapping/),
  },
  {
    name: 'extra documents of every optional kind are valid',
    kind: 'file structure',
    files: () => fullProgram(),
    expect: 'clean',
  },

  // ---------------------------------------------------------------- encoding and line ends
  {
    name: 'a byte order mark before the frontmatter is valid',
    kind: 'encoding and line ends',
    files: () => ({ ...validProgram(), [POLICY]: `\uFEFF${policyText()}` }),
    expect: 'clean',
  },
  {
    name: 'a byte order mark in program.yaml, people.yaml and a YAML vendor is valid',
    kind: 'encoding and line ends',
    files: () => {
      const files = fullProgram();
      return {
        ...files,
        [PROGRAM]: `\uFEFF${files[PROGRAM]}`,
        [PEOPLE]: `\uFEFF${files[PEOPLE]}`,
        [VENDOR]: `\uFEFF${files[VENDOR]}`,
      };
    },
    expect: 'clean',
  },
  {
    name: 'CRLF line ends in every file are valid',
    kind: 'encoding and line ends',
    files: () =>
      Object.fromEntries(Object.entries(fullProgram()).map(([path, text]) => [path, text.replace(/\n/g, '\r\n')])),
    expect: 'clean',
  },
  {
    name: 'CRLF line ends and a byte order mark, read from disk, are valid',
    kind: 'encoding and line ends',
    files: () =>
      Object.fromEntries(
        Object.entries(fullProgram()).map(([path, text]) => [path, `\uFEFF${text.replace(/\n/g, '\r\n')}`]),
      ),
    disk: true,
    expect: 'clean',
  },
  {
    name: 'CRLF line ends keep the line of a finding',
    kind: 'encoding and line ends',
    files: () => {
      const files = edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: 2026-02-30');
      return { ...files, [POLICY]: files[POLICY]!.replace(/\n/g, '\r\n') };
    },
    expect: error('TB103', POLICY, 7),
  },
  {
    name: 'bytes that are not UTF-8 (0xff 0xfe) in a policy',
    kind: 'encoding and line ends',
    files: () => validProgram(),
    disk: (root) =>
      writeFileSync(
        join(root, POLICY),
        Buffer.concat([Buffer.from('---\ntitle: Info'), Buffer.from([0xff, 0xfe]), Buffer.from('\n---\n')]),
      ),
    expect: error('TB003', POLICY, 2, /UTF-8/),
  },
  {
    name: 'bytes that are not UTF-8 in program.yaml',
    kind: 'encoding and line ends',
    files: () => validProgram(),
    disk: (root) => writeFileSync(join(root, PROGRAM), Buffer.from([0xff, 0xfe, 0x6f, 0x0a])),
    expect: error('TB003', PROGRAM, 1, /UTF-8/),
  },
  {
    name: 'UTF-16 text (with its byte order mark) is not UTF-8',
    kind: 'encoding and line ends',
    files: () => validProgram(),
    disk: (root) => writeFileSync(join(root, SYSTEM), Buffer.from(`\uFEFF${validProgram()[SYSTEM]}`, 'utf16le')),
    expect: error('TB003', SYSTEM, 1, /UTF-8/),
  },

  // ---------------------------------------------------------------- size
  {
    name: 'a 5 MB policy body',
    kind: 'size',
    files: () =>
      withPolicyFile(policyText() + megabytes(5, 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n')),
    expect: 'clean',
  },
  {
    name: 'a 5 MB system description body',
    kind: 'size',
    files: () => ({ ...validProgram(), [SYSTEM]: validProgram()[SYSTEM] + megabytes(5, '| a | b |\n') }),
    expect: 'clean',
  },
  {
    name: 'a 5 MB checklist of bound items',
    kind: 'size',
    files: () => ({
      ...fullProgram(),
      [CHECKLIST]: `---\nid: launch\ntitle: Launch\n---\n\n${megabytes(5, '- <Check control="BASE-01">Baseline runs</Check>\n')}`,
    }),
    expect: 'clean',
  },
  {
    name: 'a 5 MB checklist of unclosed <Check> tags does not backtrack for minutes',
    kind: 'size',
    files: () => ({
      ...fullProgram(),
      [CHECKLIST]: `---\nid: launch\ntitle: Launch\n---\n\n${megabytes(5, '- <Check control="BASE-01">never closed\n')}`,
    }),
    expect: 'clean',
  },
  {
    name: 'a 5 MB body of --- lines after the frontmatter',
    kind: 'size',
    files: () => withPolicyFile(policyText() + megabytes(5, '---\n')),
    expect: 'clean',
  },
  {
    name: 'a megabyte-long unknown key is reported without a megabyte-squared suggestion table',
    kind: 'size',
    files: () =>
      edit(validProgram(), POLICY, 'effective: 2026-03-01', `effective: 2026-03-01\n${'x'.repeat(1_000_000)}: 1`),
    expect: error('TB102', POLICY, 9),
  },
  {
    name: 'a megabyte-long reference id is reported quickly',
    kind: 'size',
    files: () =>
      edit(validProgram(), CONTROL, 'policies: [information-security]', `policies: [${'a'.repeat(1_000_000)}]`),
    expect: error('TB203', CONTROL, 5),
  },
  {
    name: '150,000 unknown criteria: findings beyond the argument limit of push(...)',
    kind: 'size',
    files: () => edit(validProgram(), CONTROL, 'criteria: [', `criteria: [${'CC9.9, '.repeat(150_000)}`),
    expect: error('TB202', CONTROL, 4),
  },
  {
    name: '150,000 criteria of the wrong type: schema findings beyond the argument limit of push(...)',
    kind: 'size',
    files: () => edit(validProgram(), CONTROL, 'criteria: [', `criteria: [${'5, '.repeat(150_000)}`),
    expect: error('TB104', CONTROL, 4, /criteria\.0/),
  },
  {
    name: 'an audit window typed as 1026 with daily evidence: 365,000 missing days, in seconds',
    kind: 'size',
    files: () =>
      edit(
        edit(validProgram(), PROGRAM, 'start: 2026-01-01', 'start: 1026-01-01'),
        EVIDENCE,
        'frequency: quarterly',
        'frequency: daily',
      ),
    expect: error('TB601', EVIDENCE, 7, /1026-01-01/),
  },

  // ---------------------------------------------------------------- wrong types
  {
    name: 'a string where a list is expected (policies)',
    kind: 'wrong types',
    files: () => edit(validProgram(), CONTROL, 'policies: [information-security]', 'policies: information-security'),
    expect: error('TB104', CONTROL, 5, /expected array/),
  },
  {
    name: 'a list where a string is expected (owner)',
    kind: 'wrong types',
    files: () => edit(validProgram(), CONTROL, 'owner: security-lead', 'owner: [security-lead]'),
    expect: error('TB104', CONTROL, 7, /expected string/),
  },
  {
    name: 'a number where a date is expected',
    kind: 'wrong types',
    files: () => edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: 20260301'),
    expect: error('TB104', POLICY, 7),
  },
  {
    name: 'a boolean where a string is expected (title)',
    kind: 'wrong types',
    files: () => edit(validProgram(), POLICY, 'title: information-security policy', 'title: true'),
    expect: error('TB104', POLICY, 2, /expected string/),
  },
  {
    name: 'an object where a list is expected (criteria)',
    kind: 'wrong types',
    files: () => edit(validProgram(), CONTROL, /criteria: \[[^\]]*\]/, 'criteria: { first: CC1.1 }'),
    expect: error('TB104', CONTROL, 4, /expected array/),
  },
  {
    name: 'a null required string (title:)',
    kind: 'wrong types',
    files: () => edit(validProgram(), PROCEDURE, 'title: Access review', 'title:'),
    expect: error('TB104', PROCEDURE, 3, /null/),
  },
  {
    name: 'a null list (artifacts: ~)',
    kind: 'wrong types',
    files: () => edit(validProgram(), EVIDENCE, /artifacts:\n[\s\S]*?\n---/, 'artifacts: ~\n---'),
    expect: error('TB104', EVIDENCE, 7, /null/),
  },
  {
    name: 'a null date (reviewed: null)',
    kind: 'wrong types',
    files: () => edit(validProgram(), SYSTEM, 'reviewed: 2026-02-01', 'reviewed: null'),
    expect: error('TB104', SYSTEM, 4),
  },
  {
    name: 'a number where an enum is expected (frequency)',
    kind: 'wrong types',
    files: () => edit(validProgram(), PROCEDURE, 'frequency: quarterly', 'frequency: 4'),
    expect: error('TB104', PROCEDURE, 6),
  },
  {
    name: 'a string where a boolean is expected (automated)',
    kind: 'wrong types',
    files: () => edit(validProgram(), CONTROL, 'frequency: quarterly', 'frequency: quarterly\nautomated: "yes"'),
    expect: error('TB104', CONTROL, 9, /expected boolean/),
  },
  {
    name: 'a string where a number is expected (likelihood)',
    kind: 'wrong types',
    files: () => edit(fullProgram(), RISK, 'likelihood: 3', 'likelihood: high'),
    expect: error('TB104', RISK, 5, /expected number/),
  },
  {
    name: 'a fraction where an integer is expected (review_months)',
    kind: 'wrong types',
    files: () => edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-03-01\nreview_months: 1.5'),
    expect: error('TB104', POLICY, 9, /int/),
  },
  {
    name: 'a string where an artifact object is expected',
    kind: 'wrong types',
    files: () =>
      edit(validProgram(), EVIDENCE, / {2}- \{ collected: 2026-04-05[^\n]*/, '  - "https://docs.test.example/q1.pdf"'),
    expect: error('TB104', EVIDENCE, 8, /expected object/),
  },
  {
    name: 'a list where a period is expected',
    kind: 'wrong types',
    files: () => edit(validProgram(), EVIDENCE, 'period: 2026-Q1,', 'period: [2026-Q1],'),
    expect: error('TB104', EVIDENCE, 8),
  },
  {
    name: 'a string where a list is expected in people.yaml (trainings)',
    kind: 'wrong types',
    files: () => edit(validProgram(), PEOPLE, 'trainings: [2025-02-01, 2026-02-01]', 'trainings: 2026-02-01'),
    expect: error('TB104', PEOPLE, 5, /expected array/),
  },
  {
    name: 'an object where a string is expected in a YAML vendor (name)',
    kind: 'wrong types',
    files: () => edit(fullProgram(), VENDOR, 'name: CloudCo', 'name: { legal: CloudCo Inc }'),
    expect: error('TB104', VENDOR, 2, /expected string/),
  },

  // ---------------------------------------------------------------- impossible dates
  {
    name: 'February 30th (2026-02-30)',
    kind: 'impossible dates',
    files: () => edit(validProgram(), POLICY, 'approved: 2026-03-01', 'approved: 2026-02-30'),
    expect: error('TB103', POLICY, 7, /2026-02-30/),
  },
  {
    name: 'month 13 (2026-13-01)',
    kind: 'impossible dates',
    files: () => edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-13-01'),
    expect: error('TB103', POLICY, 8, /2026-13-01/),
  },
  {
    name: 'month 0 (2026-00-10) in an artifact',
    kind: 'impossible dates',
    files: () => edit(validProgram(), EVIDENCE, 'collected: 2026-04-05', 'collected: 2026-00-10'),
    expect: error('TB103', EVIDENCE, 8, /2026-00-10/),
  },
  {
    name: 'February 29th of a common year (2025-02-29) in people.yaml',
    kind: 'impossible dates',
    files: () => edit(validProgram(), PEOPLE, 'hired: 2024-01-10', 'hired: 2025-02-29'),
    expect: error('TB103', PEOPLE, 5, /2025-02-29/),
  },
  {
    name: 'an impossible audit period start in program.yaml',
    kind: 'impossible dates',
    files: () => edit(validProgram(), PROGRAM, 'start: 2026-01-01', 'start: 2026-02-30'),
    expect: error('TB103', PROGRAM, 8, /2026-02-30/),
  },
  {
    name: 'a date with a time of day',
    kind: 'impossible dates',
    files: () => edit(validProgram(), SYSTEM, 'reviewed: 2026-02-01', 'reviewed: 2026-02-01T10:00:00Z'),
    expect: error('TB103', SYSTEM, 4),
  },
  {
    name: 'a date written in words',
    kind: 'impossible dates',
    files: () => edit(fullProgram(), VENDOR, 'reviewed: 2026-03-01', 'reviewed: March 3'),
    expect: error('TB103', VENDOR, 9, /March 3/),
  },
  {
    name: 'February 29th of a leap year (2024-02-29) is a date',
    kind: 'impossible dates',
    files: () =>
      edit(
        validProgram(),
        PEOPLE,
        'trainings: [2025-02-01, 2026-02-01]',
        'trainings: [2024-02-29, 2025-02-01, 2026-02-01]',
      ),
    expect: 'clean',
  },

  // ---------------------------------------------------------------- out-of-range values
  {
    name: 'likelihood 0',
    kind: 'out-of-range values',
    files: () => edit(fullProgram(), RISK, 'likelihood: 3', 'likelihood: 0'),
    expect: error('TB104', RISK, 5, />=1/),
  },
  {
    name: 'likelihood 6',
    kind: 'out-of-range values',
    files: () => edit(fullProgram(), RISK, 'likelihood: 3', 'likelihood: 6'),
    expect: error('TB104', RISK, 5, /<=5/),
  },
  {
    name: 'review_months 0',
    kind: 'out-of-range values',
    files: () => edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-03-01\nreview_months: 0'),
    expect: error('TB104', POLICY, 9, />=1/),
  },
  {
    name: 'a negative warn_within_days',
    kind: 'out-of-range values',
    files: () => edit(validProgram(), PROGRAM, 'warn_within_days: 30', 'warn_within_days: -5'),
    expect: error('TB104', PROGRAM, 11, />=0/),
  },
  {
    name: 'an ISO week that the year does not have (2027-W53)',
    kind: 'out-of-range values',
    files: () => edit(validProgram(), EVIDENCE, 'period: 2026-Q1,', 'period: 2027-W53,'),
    expect: error('TB104', EVIDENCE, 8, /W53/),
  },
  {
    name: 'an audit window ending on 9999-12-31 terminates, and is reported as implausibly long',
    kind: 'out-of-range values',
    files: () => edit(validProgram(), PROGRAM, 'end: 2026-06-30', 'end: 9999-12-31'),
    expect: error('TB807', PROGRAM, 8, /longer than 12 months/),
  },
  {
    name: 'a policy approved on 9999-12-01 is reported as dated in the future, not as overdue',
    kind: 'out-of-range values',
    files: () =>
      edit(
        validProgram(),
        POLICY,
        'approved: 2026-03-01\neffective: 2026-03-01',
        'approved: 9999-12-01\neffective: 2026-03-01',
      ),
    expect: error('TB802', POLICY, 7, /approved on 9999-12-01, after the evaluation date/),
  },
  {
    name: 'an audit window starting in year 0226 (a typo) still checks every week',
    kind: 'out-of-range values',
    files: () =>
      edit(
        edit(validProgram(), PROGRAM, 'start: 2026-01-01', 'start: 0226-01-01'),
        EVIDENCE,
        'frequency: quarterly',
        'frequency: weekly',
      ),
    expect: error('TB601', EVIDENCE, 7, /0226-W01 \(0226-01-02 to 0226-01-08\)/),
  },

  // ---------------------------------------------------------------- unknown keys
  {
    name: 'a misspelt top-level key, with the field it was meant to be',
    kind: 'unknown keys',
    files: () => edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-03-01\nreveiw_months: 6'),
    expect: error('TB102', POLICY, 9, /reveiw_months/),
  },
  {
    name: 'an unknown key in an artifact',
    kind: 'unknown keys',
    files: () => edit(validProgram(), EVIDENCE, 'period: 2026-Q2,', 'period: 2026-Q2, reviewer: ada,'),
    expect: error('TB102', EVIDENCE, 9, /artifacts\.1\.reviewer/),
  },
  {
    name: 'an unknown key in audit',
    kind: 'unknown keys',
    files: () => edit(validProgram(), PROGRAM, '  auditor: Test CPA', '  auditor: Test CPA\n  firm: Big Four'),
    expect: error('TB102', PROGRAM, 10, /audit\.firm/),
  },
  {
    name: 'an unknown key in an excluded criterion',
    kind: 'unknown keys',
    files: () =>
      edit(
        validProgram(),
        PROGRAM,
        'scope: [security]',
        'scope: [security]\nexcluded_criteria:\n  - id: CC6.4\n    reason: No offices\n    approved: yes',
      ),
    expect: error('TB102', PROGRAM, 9, /excluded_criteria\.0\.approved/),
  },
  {
    name: 'an unknown key in a staff record',
    kind: 'unknown keys',
    files: () =>
      edit(
        validProgram(),
        PEOPLE,
        'trainings: [2025-02-01, 2026-02-01] }',
        'trainings: [2025-02-01, 2026-02-01], shoe_size: 9 }',
      ),
    expect: error('TB102', PEOPLE, 5, /staff\.0\.shoe_size/),
  },
  {
    name: 'an unknown key in a vendor assurance',
    kind: 'unknown keys',
    files: () => edit(fullProgram(), VENDOR, 'period_end: 2026-02-28 }', 'period_end: 2026-02-28, auditor: X }'),
    expect: error('TB102', VENDOR, 10, /assurance\.auditor/),
  },
  {
    name: 'a __proto__ key is an unknown field, not a prototype',
    kind: 'unknown keys',
    files: () =>
      edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-03-01\n__proto__: { review_months: 0 }'),
    expect: error('TB102', POLICY, 9, /__proto__/),
  },
  {
    name: 'a YAML merge key is an unknown field',
    kind: 'unknown keys',
    files: () =>
      edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-03-01\n<<: { review_months: 6 }'),
    expect: error('TB102', POLICY, 9, /<</),
  },

  // ---------------------------------------------------------------- unknown criteria
  {
    name: 'a criterion that does not exist (CC9.9)',
    kind: 'unknown criteria',
    files: () => edit(validProgram(), CONTROL, 'criteria: [CC1.1,', 'criteria: [CC9.9, CC1.1,'),
    expect: error('TB202', CONTROL, 4, /CC9\.9/),
  },
  {
    name: 'a criterion in lower case (cc6.1)',
    kind: 'unknown criteria',
    files: () => edit(validProgram(), CONTROL, 'criteria: [CC1.1,', 'criteria: [cc6.1, CC1.1,'),
    expect: error('TB202', CONTROL, 4, /cc6\.1/),
  },
  {
    name: 'an availability criterion that does not exist (A1.9)',
    kind: 'unknown criteria',
    files: () => edit(validProgram(), POLICY, 'effective: 2026-03-01', 'effective: 2026-03-01\ncriteria: [A1.9]'),
    expect: error('TB202', POLICY, 9, /A1\.9/),
  },
  {
    name: 'an empty criterion id',
    kind: 'unknown criteria',
    files: () => edit(validProgram(), CONTROL, 'criteria: [CC1.1,', 'criteria: ["", CC1.1,'),
    expect: error('TB104', CONTROL, 4, /criteria\.0/),
  },
  {
    name: 'an excluded criterion that does not exist',
    kind: 'unknown criteria',
    files: () =>
      edit(
        validProgram(),
        PROGRAM,
        'scope: [security]',
        'scope: [security]\nexcluded_criteria: [{ id: CC9.9, reason: none }]',
      ),
    expect: error('TB202', PROGRAM, 6, /CC9\.9/),
  },
  {
    name: 'an excluded criterion of a category out of scope',
    kind: 'unknown criteria',
    files: () =>
      edit(
        validProgram(),
        PROGRAM,
        'scope: [security]',
        'scope: [security]\nexcluded_criteria: [{ id: A1.2, reason: none }]',
      ),
    expect: error('TB208', PROGRAM, 6, /A1\.2/),
  },

  // ---------------------------------------------------------------- duplicate ids
  {
    name: 'two controls with the same id',
    kind: 'duplicate ids',
    files: () => ({ ...validProgram(), 'content/controls/BASE-02.mdx': validProgram()[CONTROL]! }),
    expect: error('TB201', 'content/controls/BASE-02.mdx', 2, /BASE-01/),
  },
  {
    name: 'two evidence series with the same id',
    kind: 'duplicate ids',
    files: () => ({ ...validProgram(), 'evidence-index/EV-copy.mdx': validProgram()[EVIDENCE]! }),
    expect: error('TB201', 'evidence-index/EV-copy.mdx', 2, /EV-BASE-01/),
  },
  {
    name: 'two policies given the same id field',
    kind: 'duplicate ids',
    files: () =>
      edit(
        validProgram(),
        'policies/acceptable-use.mdx',
        'title: acceptable-use policy',
        'title: AUP\nid: data-retention',
      ),
    expect: error('TB201', 'policies/data-retention.mdx', 1, /data-retention/),
  },
  {
    name: 'a staff member with the id of a role',
    kind: 'duplicate ids',
    files: () => edit(validProgram(), PEOPLE, '{ id: ada,', '{ id: ceo,'),
    expect: error('TB201', PEOPLE, 5, /ceo/),
  },
  {
    name: 'two roles with the same id',
    kind: 'duplicate ids',
    files: () =>
      edit(validProgram(), PEOPLE, '{ id: security-lead, title: Security Lead }', '{ id: ceo, title: Security Lead }'),
    expect: error('TB201', PEOPLE, 3, /ceo/),
  },

  // ---------------------------------------------------------------- references
  {
    name: 'a control naming a missing policy',
    kind: 'references',
    files: () => edit(validProgram(), CONTROL, 'policies: [information-security]', 'policies: [information-securty]'),
    expect: error('TB203', CONTROL, 5, /information-securty/),
  },
  {
    name: 'a control naming a missing procedure',
    kind: 'references',
    files: () =>
      edit(validProgram(), CONTROL, 'procedures: [access-review]', 'procedures: [access-review, offboarding]'),
    expect: error('TB205', CONTROL, 6, /offboarding/),
  },
  {
    name: 'a procedure naming a missing policy',
    kind: 'references',
    files: () => edit(validProgram(), PROCEDURE, 'policies: [information-security]', 'policies: [access-control]'),
    expect: error('TB203', PROCEDURE, 5, /access-control/),
  },
  {
    name: 'evidence naming a missing control',
    kind: 'references',
    files: () => edit(validProgram(), EVIDENCE, 'controls: [BASE-01]', 'controls: [BASE-01, AC-99]'),
    expect: error('TB204', EVIDENCE, 4, /AC-99/),
  },
  {
    name: 'a risk naming a missing control',
    kind: 'references',
    files: () => edit(fullProgram(), RISK, 'controls: [BASE-01]', 'controls: [BASE-02]'),
    expect: error('TB204', RISK, 8, /BASE-02/),
  },
  {
    name: 'an owner that names nobody in people.yaml',
    kind: 'references',
    files: () => edit(validProgram(), PROCEDURE, 'owner: security-lead', 'owner: security-led'),
    expect: error('TB206', PROCEDURE, 4, /security-led/),
  },
  {
    name: 'a <Check evidence> naming a missing series',
    kind: 'references',
    files: () =>
      edit(
        fullProgram(),
        CHECKLIST,
        '- <Check rule="coverage" />',
        '- <Check evidence="EV-NOPE">Evidence is current</Check>',
      ),
    expect: error('TB207', CHECKLIST, 7, /EV-NOPE/),
  },
  {
    name: 'a <Check control> naming a missing control',
    kind: 'references',
    files: () => edit(fullProgram(), CHECKLIST, '<Check control="BASE-01">', '<Check control="BASE-99">'),
    expect: error('TB204', CHECKLIST, 6, /BASE-99/),
  },
  {
    name: 'a <Check policy> naming a missing policy',
    kind: 'references',
    files: () => edit(fullProgram(), CHECKLIST, '- <Check rule="coverage" />', '- <Check policy="privacy" />'),
    expect: error('TB203', CHECKLIST, 7, /privacy/),
  },
  {
    name: 'a <Check rule> naming a rule that does not exist',
    kind: 'references',
    files: () => edit(fullProgram(), CHECKLIST, '<Check rule="coverage" />', '<Check rule="everything" />'),
    expect: error('TB209', CHECKLIST, 7, /everything/),
  },
  {
    name: 'a "cycle": control -> procedure -> policy <- control, ids shared across kinds, terminates cleanly',
    kind: 'references',
    files: () => ({
      ...edit(
        validProgram(),
        CONTROL,
        'procedures: [access-review]',
        'procedures: [access-review, information-security]',
      ),
      'content/procedures/information-security.mdx': `---
id: information-security
title: Information security procedure
owner: security-lead
policies: [information-security, information-security]
frequency: annual
---
`,
      'evidence-index/EV-BASE-01-again.mdx': `---
id: BASE-01
title: Evidence with the id of the control it proves
controls: [BASE-01, BASE-01]
owner: security-lead
frequency: per-event
artifacts: [{ collected: 2026-05-01, location: "https://docs.test.example/e.pdf" }]
population: [{ source: Ticket system, exported: 2026-07-01, rows: 1, location: "https://docs.test.example/p.csv" }]
---
`,
    }),
    expect: 'clean',
  },

  // ---------------------------------------------------------------- artifact paths (on disk)
  {
    name: 'an artifact file reached with ../',
    kind: 'artifact paths',
    files: () => artifactFile('../content/program.yaml'),
    disk: true,
    expect: error('TB703', EVIDENCE, 8, /leaves evidence-index/),
  },
  {
    name: 'an artifact file ../../etc/passwd',
    kind: 'artifact paths',
    files: () => artifactFile('../../etc/passwd'),
    disk: true,
    expect: error('TB703', EVIDENCE, 8, /leaves evidence-index/),
  },
  {
    name: 'an artifact file that climbs out after going in (files/../../x)',
    kind: 'artifact paths',
    files: () => artifactFile('files/../../content/people.yaml'),
    disk: true,
    expect: error('TB703', EVIDENCE, 8, /leaves evidence-index/),
  },
  {
    name: 'an absolute artifact file /etc/passwd',
    kind: 'artifact paths',
    files: () => artifactFile('/etc/passwd'),
    disk: true,
    expect: error('TB703', EVIDENCE, 8, /absolute/),
  },
  {
    name: 'a Windows absolute artifact file',
    kind: 'artifact paths',
    files: () => artifactFile('C:\\\\Windows\\\\win.ini'),
    disk: true,
    expect: error('TB703', EVIDENCE, 8, /absolute/),
  },
  {
    name: 'an artifact file that is a symlink to a file outside',
    kind: 'artifact paths',
    needs: 'symlinks',
    files: () => artifactFile('files/passwd.csv'),
    disk: (root) => {
      mkdirSync(join(root, 'evidence-index/files'), { recursive: true });
      symlinkSync('/etc/passwd', join(root, 'evidence-index/files/passwd.csv'));
    },
    expect: error('TB703', EVIDENCE, 8, /link/),
  },
  {
    name: 'an artifact file inside a symlinked folder that points outside',
    kind: 'artifact paths',
    needs: 'symlinks',
    files: () => artifactFile('files/people.yaml'),
    disk: (root) => symlinkSync(join(root, 'content'), join(root, 'evidence-index/files')),
    expect: error('TB703', EVIDENCE, 8, /link/),
  },
  {
    name: 'an artifact file inside a dot-folder of evidence-index/',
    kind: 'artifact paths',
    files: () => artifactFile('files/.git/config'),
    disk: (root) => {
      mkdirSync(join(root, 'evidence-index/files/.git'), { recursive: true });
      writeFileSync(join(root, 'evidence-index/files/.git/config'), '[core]\n');
    },
    expect: error('TB703', EVIDENCE, 8, /dot-folder/),
  },
  {
    name: 'an artifact file that is a folder',
    kind: 'artifact paths',
    files: () => artifactFile('files'),
    disk: (root) => mkdirSync(join(root, 'evidence-index/files'), { recursive: true }),
    expect: error('TB701', EVIDENCE, 8),
  },
  {
    name: 'an artifact file that is a named pipe is not waited on',
    kind: 'artifact paths',
    needs: 'fifo',
    files: () => artifactFile('files/pipe.csv'),
    disk: (root) => {
      mkdirSync(join(root, 'evidence-index/files'), { recursive: true });
      execFileSync('mkfifo', [join(root, 'evidence-index/files/pipe.csv')]);
    },
    expect: error('TB701', EVIDENCE, 8),
  },
  {
    name: 'an artifact file inside evidence-index/ with its sha256 is valid',
    kind: 'artifact paths',
    files: () =>
      edit(
        validProgram(),
        EVIDENCE,
        'location: "https://docs.test.example/q1.pdf"',
        `file: files/q1.csv, sha256: ${createHash('sha256').update('user,access\n').digest('hex')}`,
      ),
    disk: (root) => {
      mkdirSync(join(root, 'evidence-index/files'), { recursive: true });
      writeFileSync(join(root, 'evidence-index/files/q1.csv'), 'user,access\n');
    },
    expect: 'clean',
  },

  // ---------------------------------------------------------------- locations
  {
    name: 'a javascript: location',
    kind: 'locations',
    files: () => artifactLocation('javascript:alert(1)'),
    expect: error('TB104', EVIDENCE, 8, /http/),
  },
  {
    name: 'a data: location',
    kind: 'locations',
    files: () => artifactLocation('data:text/html,<script>alert(1)</script>'),
    expect: error('TB104', EVIDENCE, 8, /http/),
  },
  {
    name: 'a file: location',
    kind: 'locations',
    files: () => artifactLocation('file:///etc/passwd'),
    expect: error('TB104', EVIDENCE, 8, /http/),
  },
  {
    name: 'an ftp: location',
    kind: 'locations',
    files: () => artifactLocation('ftp://files.test.example/q1.pdf'),
    expect: error('TB104', EVIDENCE, 8, /http/),
  },
  {
    name: 'a JavaScript: location in mixed case with leading spaces',
    kind: 'locations',
    files: () => artifactLocation('  JavaScript:alert(1)'),
    expect: error('TB104', EVIDENCE, 8, /http/),
  },
  {
    name: 'a protocol-relative location',
    kind: 'locations',
    files: () => artifactLocation('//evil.example/q1.pdf'),
    expect: error('TB104', EVIDENCE, 8, /http/),
  },
  {
    name: 'a javascript: website in program.yaml',
    kind: 'locations',
    files: () => edit(validProgram(), PROGRAM, 'website: https://test.example', 'website: "javascript:alert(1)"'),
    expect: error('TB104', PROGRAM, 3, /http/),
  },

  // ---------------------------------------------------------------- HTML and script (valid input: escaping is the sites' job)
  {
    name: 'HTML and script in a policy title, summary, version and body',
    kind: 'HTML and script',
    files: () =>
      withPolicyFile(
        policyText()
          .replace('title: information-security policy', `title: ${xss}\nsummary: ${img}`)
          .replace('version: "1.0"', 'version: "<b>1.0</b>"')
          .concat('\n<script>alert(1)</script>\n<iframe src="javascript:alert(1)"></iframe>\n'),
      ),
    // Escaped everywhere it is shown; only the frame's script address is refused (TB010).
    expect: error('TB010', POLICY, 18, /`src` of `<iframe>` goes to "javascript:alert\(1\)"/),
  },
  {
    name: 'HTML and script in a control title, public summary and justification',
    kind: 'HTML and script',
    files: () => ({
      ...edit(validProgram(), CONTROL, 'title: Baseline security program', `title: ${xss}\npublic_summary: ${img}`),
      'content/controls/NA-01.mdx': `---
id: NA-01
title: "</title><script>alert(1)</script>"
criteria: [CC6.4]
owner: security-lead
frequency: annual
status: not-applicable
justification: "<a href=\\"javascript:alert(1)\\">no offices</a>"
---
`,
    }),
    expect: 'clean',
  },
  {
    name: 'HTML and script in a procedure title and summary',
    kind: 'HTML and script',
    files: () =>
      edit(
        validProgram(),
        PROCEDURE,
        'title: Access review',
        `title: ${xss}\nsummary: "{{constructor.constructor('alert(1)')()}}"`,
      ),
    expect: 'clean',
  },
  {
    name: 'HTML and script in an evidence title and artifact note',
    kind: 'HTML and script',
    files: () =>
      edit(
        edit(validProgram(), EVIDENCE, 'title: Baseline review record', `title: ${xss}`),
        EVIDENCE,
        'period: 2026-Q1,',
        `period: 2026-Q1, note: ${img},`,
      ),
    expect: 'clean',
  },
  {
    name: 'HTML and script in a vendor name, purpose, data and locations',
    kind: 'HTML and script',
    files: () =>
      edit(
        edit(fullProgram(), VENDOR, 'name: CloudCo\npurpose: Hosting', `name: ${xss}\npurpose: ${img}`),
        VENDOR,
        'data: [customer data]\ncriticality: high\nsubprocessor: true\nlocations: [United States]',
        `data: [${xss}]\ncriticality: high\nsubprocessor: true\nlocations: ["</li><li>EU", ${img}]`,
      ),
    expect: 'clean',
  },
  {
    name: 'HTML and script in a risk title and body',
    kind: 'HTML and script',
    files: () => edit(fullProgram(), RISK, 'title: Credential theft', `title: ${xss}`),
    expect: 'clean',
  },
  {
    name: 'HTML and script in a checklist title, summary and item label',
    kind: 'HTML and script',
    files: () =>
      edit(
        edit(fullProgram(), CHECKLIST, 'title: Launch checklist', `title: ${xss}\nsummary: ${img}`),
        CHECKLIST,
        'The baseline program runs',
        '<b>runs</b> <script>alert(1)</script>',
      ),
    expect: 'clean',
  },
  {
    name: 'HTML and script in a trust page title and summary',
    kind: 'HTML and script',
    files: () =>
      edit(
        fullProgram(),
        TRUST,
        'title: Security overview\nsummary: How we protect customer data',
        `title: ${xss}\nsummary: ${img}`,
      ),
    expect: 'clean',
  },
  {
    name: 'HTML and script in program.yaml organization, system, auditor and an exclusion reason',
    kind: 'HTML and script',
    files: () =>
      edit(
        edit(
          edit(
            validProgram(),
            PROGRAM,
            'organization: Test Co\nsystem: Test Platform',
            `organization: ${xss}\nsystem: ${img}`,
          ),
          PROGRAM,
          'auditor: Test CPA',
          'auditor: "</script><script>alert(1)</script>"',
        ),
        PROGRAM,
        'scope: [security]',
        `scope: [security]\nexcluded_criteria: [{ id: CC6.4, reason: ${xss} }]`,
      ),
    // The reason is judged (a script is no reason), and never run.
    expect: error('TB311', PROGRAM, 6, /no reason an auditor can weigh/),
  },
  {
    name: 'HTML and script in people.yaml role titles and staff names',
    kind: 'HTML and script',
    files: () =>
      edit(
        edit(validProgram(), PEOPLE, 'title: Chief Executive Officer', `title: ${xss}`),
        PEOPLE,
        '{ id: ada,',
        `{ id: ada, name: ${img},`,
      ),
    expect: 'clean',
  },
  {
    name: 'HTML and script in the system description title',
    kind: 'HTML and script',
    files: () => edit(validProgram(), SYSTEM, 'title: System description', `title: ${xss}`),
    expect: 'clean',
  },

  // ---------------------------------------------------------------- program.yaml
  {
    name: 'program.yaml missing',
    kind: 'program.yaml',
    files: () => without(validProgram(), PROGRAM),
    expect: error('TB005', PROGRAM, null, /program file is missing/),
  },
  {
    name: 'program.yaml with a YAML error',
    kind: 'program.yaml',
    files: () => edit(validProgram(), PROGRAM, 'scope: [security]', 'scope: [security'),
    expect: error('TB001', PROGRAM, 5, /never closed/),
  },
  {
    name: 'program.yaml that is a sentence, not a mapping',
    kind: 'program.yaml',
    files: () => ({ ...validProgram(), [PROGRAM]: 'Test Co runs a SOC 2 program\n' }),
    expect: error('TB104', PROGRAM, 1, /expected object/),
  },
  {
    name: 'program.yaml with a list at the top',
    kind: 'program.yaml',
    files: () => ({ ...validProgram(), [PROGRAM]: '- organization: Test Co\n- system: Test Platform\n' }),
    expect: error('TB104', PROGRAM, 1, /expected object/),
  },
  {
    name: 'program.yaml that is empty',
    kind: 'program.yaml',
    files: () => ({ ...validProgram(), [PROGRAM]: '' }),
    expect: error('TB101', PROGRAM, 1, /organization/),
  },
  {
    name: 'program.yaml without security in scope',
    kind: 'program.yaml',
    files: () => edit(validProgram(), PROGRAM, 'scope: [security]', 'scope: [availability]'),
    expect: error('TB104', PROGRAM, 5, /security/),
  },
  {
    name: 'a Type II program without a period',
    kind: 'program.yaml',
    files: () => edit(validProgram(), PROGRAM, '  period: { start: 2026-01-01, end: 2026-06-30 }\n', ''),
    expect: error('TB104', PROGRAM, 6, /period/),
  },
  {
    name: 'an audit period that starts after it ends',
    kind: 'program.yaml',
    files: () => edit(validProgram(), PROGRAM, 'start: 2026-01-01', 'start: 2026-07-01'),
    expect: error('TB104', PROGRAM, 6, /start before/),
  },
  {
    name: 'a Type I program without a date',
    kind: 'program.yaml',
    files: () =>
      edit(validProgram(), PROGRAM, '  type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }\n', '  type: I\n'),
    expect: error('TB104', PROGRAM, 6, /date/),
  },
  {
    name: 'program.yaml that is a folder',
    kind: 'program.yaml',
    files: () => without(validProgram(), PROGRAM),
    disk: (root) => mkdirSync(join(root, PROGRAM)),
    expect: error('TB006', PROGRAM, null),
  },

  // ---------------------------------------------------------------- people.yaml
  {
    name: 'people.yaml missing',
    kind: 'people.yaml',
    files: () => without(validProgram(), PEOPLE),
    expect: error('TB005', PEOPLE, null, /people file is missing/),
  },
  {
    name: 'people.yaml with a list at the top',
    kind: 'people.yaml',
    files: () => ({ ...validProgram(), [PEOPLE]: '- ceo\n- security-lead\n' }),
    expect: error('TB104', PEOPLE, 1, /expected object/),
  },
  {
    name: 'people.yaml with a YAML error',
    kind: 'people.yaml',
    files: () => edit(validProgram(), PEOPLE, 'title: Security Lead }', 'title: Security Lead'),
    expect: error('TB001', PEOPLE, 3, /map opened with \{ .* never closed/),
  },

  // ---------------------------------------------------------------- unreadable files (on disk)
  {
    name: 'a policy that is a dangling symlink',
    kind: 'unreadable files',
    needs: 'symlinks',
    files: () => validProgram(),
    disk: (root) => symlinkSync(join(root, 'nowhere.mdx'), join(root, 'policies/ghost.mdx')),
    expect: error('TB006', 'policies/ghost.mdx', null, /ENOENT/),
  },
  {
    name: 'a policy that is a symlink to a folder',
    kind: 'unreadable files',
    needs: 'symlinks',
    files: () => validProgram(),
    disk: (root) => symlinkSync(join(root, 'content'), join(root, 'policies/folder.mdx')),
    expect: error('TB006', 'policies/folder.mdx', null),
  },
  {
    name: 'a policy that is a symlink to itself',
    kind: 'unreadable files',
    needs: 'symlinks',
    files: () => validProgram(),
    disk: (root) => symlinkSync(join(root, 'policies/loop.mdx'), join(root, 'policies/loop.mdx')),
    expect: error('TB006', 'policies/loop.mdx', null, /ELOOP/),
  },
  {
    name: 'a policy that is a named pipe is not waited on',
    kind: 'unreadable files',
    needs: 'fifo',
    files: () => validProgram(),
    disk: (root) => execFileSync('mkfifo', [join(root, 'policies/pipe.mdx')]),
    expect: error('TB006', 'policies/pipe.mdx', null),
  },
  {
    name: 'a document folder that is a file',
    kind: 'unreadable files',
    files: () => validProgram(),
    disk: (root) => {
      rmSync(join(root, 'content/procedures'), { recursive: true });
      writeFileSync(join(root, 'content/procedures'), 'not a folder\n');
    },
    expect: error('TB006', 'content/procedures', null, /ENOTDIR/),
  },

  // Bodies that do not build, and files never read
  // ---------------------------------------------------------------- MDX bodies (on disk: the bodies are parsed there)
  {
    name: 'a policy body holding a placeholder in angle brackets',
    kind: 'MDX bodies',
    files: () =>
      edit(
        validProgram(),
        POLICY,
        'The information-security policy',
        'Write to <insert email address here>. The policy',
      ),
    disk: true,
    expect: error('TB007', POLICY, 14, /`<insert>` is never closed/),
  },
  {
    name: 'a control body holding a Go template placeholder',
    kind: 'MDX bodies',
    files: () => edit(validProgram(), CONTROL, 'The security lead runs', 'Dear {{.Name}}, the security lead runs'),
    disk: true,
    expect: error('TB007', CONTROL, 11, /read as code/),
  },
  {
    name: 'a procedure body holding an HTML comment',
    kind: 'MDX bodies',
    files: () =>
      edit(validProgram(), PROCEDURE, '- [ ] Review each account', '- [ ] Review each account\n\n<!-- quarterly -->'),
    disk: true,
    expect: error('TB007', PROCEDURE, 12, /HTML comment/),
  },
  {
    name: 'an evidence body with a <div> never closed',
    kind: 'MDX bodies',
    files: () => edit(validProgram(), EVIDENCE, 'Exported from', '<div>\n\nExported from'),
    disk: true,
    expect: error('TB007', EVIDENCE, 12, /`<div>` is never closed/),
  },
  {
    name: 'a system description paragraph starting with "export", which MDX reads as JavaScript',
    kind: 'MDX bodies',
    files: () =>
      edit(validProgram(), SYSTEM, '## DC2 Section\n\nText.', '## DC2 Section\n\nexport the diagrams yearly.'),
    disk: true,
    expect: error('TB007', SYSTEM, 13, /`import` or `export`/),
  },
  {
    name: 'a broken body in CRLF lines with a byte order mark keeps its line',
    kind: 'MDX bodies',
    files: () => {
      const files = edit(validProgram(), POLICY, 'The information-security policy', '{{.Name}}: the policy');
      return { ...files, [POLICY]: `\uFEFF${files[POLICY]!.replace(/\n/g, '\r\n')}` };
    },
    disk: true,
    expect: error('TB007', POLICY, 14),
  },
  {
    name: 'bodies with tables, task lists, bound items, MDX comments and tags in code are valid',
    kind: 'MDX bodies',
    files: () =>
      edit(
        fullProgram(),
        POLICY,
        'The information-security policy of the test company.',
        '| Role | Owner |\n| --- | --- |\n| Access | Security lead |\n\n- [ ] Review\n- [x] Approve\n\n' +
          '{/* legal reviewed */}\n\nWrite `<insert>` and `{{.Name}}` as code, or escape them: \\<insert>.\n\n' +
          '```\n<insert email address here>\n<!-- x -->\n```',
      ),
    disk: true,
    expect: 'clean',
  },
  {
    name: 'a .md policy is Markdown: `<insert>` and `{{.Name}}` are text there',
    kind: 'MDX bodies',
    files: () => {
      const text = edit(validProgram(), POLICY, 'The information-security policy', '<insert> {{.Name}} <!-- x -->')[
        POLICY
      ]!;
      return { ...without(validProgram(), POLICY), 'policies/information-security.md': text };
    },
    disk: true,
    expect: 'clean',
  },

  {
    name: 'a body with brackets nested 100,000 deep: reported, not handed to the compiler it would crash',
    kind: 'MDX bodies',
    files: () =>
      edit(
        validProgram(),
        CONTROL,
        'The security lead runs',
        `{${'('.repeat(100_000)}1${')'.repeat(100_000)}} The lead runs`,
      ),
    disk: true,
    expect: error('TB007', CONTROL, 11, /nested more than 256 deep/),
  },

  // ---------------------------------------------------------------- unread files (on disk: only the disk has folders)
  {
    name: 'a control in a sub-folder of content/controls/',
    kind: 'unread files',
    files: () => ({
      ...validProgram(),
      'content/controls/access/AC-09.mdx': validProgram()[CONTROL]!.replace(/BASE-01/g, 'AC-09'),
    }),
    disk: true,
    expect: error('TB008', 'content/controls/access/AC-09.mdx', null, /never read.*sub-folder/),
  },
  {
    name: 'a policy ending in .MDX',
    kind: 'unread files',
    files: () => ({ ...validProgram(), 'policies/leave.MDX': validProgram()[POLICY]! }),
    disk: true,
    expect: error('TB008', 'policies/leave.MDX', null, /`\.MDX` is not read/),
  },
  {
    name: 'a procedure ending in .markdown',
    kind: 'unread files',
    files: () => ({ ...validProgram(), 'content/procedures/onboarding.markdown': validProgram()[PROCEDURE]! }),
    disk: true,
    expect: error('TB008', 'content/procedures/onboarding.markdown', null, /never read/),
  },
  {
    name: 'Markdown artifacts under evidence-index/files/, hidden files and drafts are not documents',
    kind: 'unread files',
    files: () => ({
      ...validProgram(),
      'evidence-index/files/2026-q1/notes.MD': 'notes\n',
      'policies/_drafts/leave.mdx': validProgram()[POLICY]!,
      'content/controls/.AC-09.MDX': validProgram()[CONTROL]!,
      'content/controls/diagram.png': 'not an image\n',
    }),
    disk: true,
    expect: 'clean',
  },
  // End of: Bodies that do not build, and files never read
];

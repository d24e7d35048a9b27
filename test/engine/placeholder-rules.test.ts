/**
 * Placeholders (TB320 text still to write, TB321 a template default): found in bodies and fields, warnings
 * while the program is set up and errors once the audit window opens, and never on the trust center.
 */
import { describe, expect, it } from 'vitest';
import { bodyPlaceholders, defaultIn } from '../../src/engine/placeholders.ts';
import { employeeView, auditorView, publicView, withheldRoutes } from '../../src/site/views.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

/** Before the window (2026-01-01 to 2026-06-30) opens; the helper's program is evaluated inside it. */
const setUp = { asOf: '2025-12-15' };

const placeholderFindings = (files: Files, options = {}) =>
  check(files, options).diagnostics.filter((d) => d.code === 'TB320' || d.code === 'TB321');

const withTodo = (files: Files, path: string) =>
  edit(files, path, /\n\n/, '\n\n<Todo>\nSay who may grant an exception, and for how long.\n</Todo>\n\n');

describe('text still to write (TB320)', () => {
  it('is a warning with file and line while the program is set up, and an error once the window opens', () => {
    const files = withTodo(validProgram(), 'policies/data-retention.mdx');
    const before = placeholderFindings(files, setUp);
    expect(before).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'TB320',
        file: 'policies/data-retention.mdx',
        line: 12,
        subject: { kind: 'policy', id: 'data-retention' },
        message: 'still to write: "Say who may grant an exception, and for how long."',
      }),
    ]);
    expect(placeholderFindings(files)).toEqual([expect.objectContaining({ severity: 'error', code: 'TB320' })]);
  });

  it('says that the trust center leaves a public document out, which only the private sites then show', () => {
    let files = edit(
      validProgram(),
      'policies/acceptable-use.mdx',
      'owner: security-lead',
      'owner: security-lead\naudience: [public, employees, auditors]',
    );
    files = withTodo(files, 'policies/acceptable-use.mdx');
    const result = check(files, setUp);
    expect(findings(result, 'TB320')[0]?.message).toContain(
      'the trust center leaves this document out until it is done',
    );
    expect(publicView(result).policies.map((policy) => policy.id)).not.toContain('acceptable-use');
    expect(employeeView(result).policies.map((policy) => policy.id)).toContain('acceptable-use');
    expect(auditorView(result).policies.map((policy) => policy.id)).toContain('acceptable-use');
  });

  it('leaves a trust page out of the trust center until it is written', () => {
    const files = {
      ...validProgram(),
      'content/trust/overview.mdx': '---\ntitle: Security at Test Co\n---\n\n<Todo>Describe the approach.</Todo>\n',
    };
    const result = check(files, setUp);
    expect(findings(result, 'TB320')).toEqual([
      expect.objectContaining({ file: 'content/trust/overview.mdx', line: 5 }),
    ]);
    expect(publicView(result).trustPages).toEqual([]);
  });

  it('withholds a published practice whose public summary is still TODO', () => {
    const files = edit(
      validProgram(),
      'content/controls/BASE-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\npublic_summary: "TODO: one sentence for the trust center"',
    );
    const result = check(files, setUp);
    expect(findings(result, 'TB320')).toEqual([
      expect.objectContaining({
        file: 'content/controls/BASE-01.mdx',
        line: 9,
        message: expect.stringContaining('`public_summary`'),
      }),
    ]);
    expect(publicView(result).practices).toEqual([]);
  });

  it('is an error at once on a public subprocessor, which the trust center cannot leave out of its list', () => {
    const vendor = (isPublic: boolean) => `id: cloudco
name: CloudCo
purpose: "TODO: what the company uses CloudCo for"
criticality: medium
subprocessor: true
data: [customer data]
locations: [Germany]
added: 2025-11-01
reviewed: 2025-11-01
review_months: 12
assurance: { type: iso27001, expires: 2027-01-01 }
public: ${isPublic}
`;
    const privateVendor = placeholderFindings(
      { ...validProgram(), 'content/vendors/cloudco.yaml': vendor(false) },
      setUp,
    );
    expect(privateVendor).toEqual([expect.objectContaining({ severity: 'warning', code: 'TB320', line: 3 })]);
    const publicVendor = placeholderFindings(
      { ...validProgram(), 'content/vendors/cloudco.yaml': vendor(true) },
      setUp,
    );
    expect(publicVendor).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'TB320',
        message: expect.stringContaining('would be published'),
      }),
    ]);
  });

  it('reads the tree: a <Todo> in a code block or an MDX comment is no placeholder; in an .md body it is', () => {
    const fenced = '\n```mdx\n<Todo>Write it.</Todo>\n```\n\n{/* <Todo>not this</Todo> */}\n';
    expect(bodyPlaceholders(fenced, 5, 'policies/x.mdx')).toEqual([]);
    expect(bodyPlaceholders('\n<Todo>Write the scope.</Todo>\n', 7, 'policies/x.md')).toEqual([
      { kind: 'todo', line: 8, text: 'Write the scope.' },
    ]);
    expect(bodyPlaceholders('\n<Todo>\nList the roles.\n</Todo>\n', 7, 'policies/x.md')).toEqual([
      { kind: 'todo', line: 8, text: 'List the roles.' },
    ]);
  });
});

describe('a template default left in (TB321)', () => {
  it('finds an example.com address in text and in a link once, and not in code or in a made-up .example domain', () => {
    const body = [
      '',
      'Write to security@example.com.',
      'Report it [to us](mailto:security@example.com) or at https://www.example.org/report.',
      'Addresses look like `user@example.com`; ours is security@tallowbrook.example, not myexample.com.',
    ].join('\n');
    expect(bodyPlaceholders(body, 10, 'policies/x.mdx')).toEqual([
      { kind: 'default', line: 11, text: 'security@example.com' },
      { kind: 'default', line: 12, text: 'security@example.com' },
      { kind: 'default', line: 12, text: 'https://www.example.org/report' },
    ]);
    expect(defaultIn('https://tallowbrook.example')).toBeUndefined();
  });

  it('in program.yaml, keeps security.txt, the contact line, the sitemap and the feeds off the trust center', () => {
    const files = edit(
      edit(validProgram(), 'content/program.yaml', 'contact: security@test.example', 'contact: security@example.com'),
      'content/program.yaml',
      'website: https://test.example',
      'website: https://example.com',
    );
    const result = check(files, setUp);
    expect(findings(result, 'TB321')).toEqual([
      expect.objectContaining({ file: 'content/program.yaml', line: 3, subject: { kind: 'program', id: 'website' } }),
      expect.objectContaining({ file: 'content/program.yaml', line: 4, subject: { kind: 'program', id: 'contact' } }),
    ]);
    expect(publicView(result).program.contact).toBeUndefined();
    // Nothing public to answer and nothing under NDA to request: those pages are not built either.
    const noAnswers = ['public/request-access.astro', 'public/answers.astro', 'public/answers.csv.ts'];
    // The test program records no vendor and publishes no practice: those sections are held back too (TB560);
    // and it publishes no policy, so there is no policies page either.
    const heldBack = [
      'public/policies.astro',
      'public/practices.astro',
      'public/subprocessors.astro',
      'public/subprocessors.json.ts',
      'public/subprocessors.xml.ts',
    ];
    expect(withheldRoutes(result)).toEqual(
      new Set([
        'public/.well-known/security.txt.ts',
        'public/sitemap.xml.ts',
        'public/subprocessors.xml.ts',
        'public/updates.xml.ts',
        'public/updates.json.ts',
        ...noAnswers,
        ...heldBack,
      ]),
    );
    expect(withheldRoutes(check(validProgram()))).toEqual(new Set([...noAnswers, ...heldBack]));
  });

  it('in an evidence artifact’s location, names the field', () => {
    const files = edit(
      validProgram(),
      'evidence-index/EV-BASE-01.mdx',
      'https://docs.test.example/q1.pdf',
      'https://docs.example.com/q1.pdf',
    );
    expect(placeholderFindings(files)).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'TB321',
        line: 8,
        message: '`artifacts.0.location` still holds the template default https://docs.example.com/q1.pdf',
      }),
    ]);
  });
});

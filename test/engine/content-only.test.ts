/** Content-only mode: a body that would run code in the build is an error, each with its line. */
import { describe, expect, it } from 'vitest';
import { codeInBody } from '../../src/engine/content-only.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const TRUST = 'content/trust/overview.mdx';
const page = (body: string) => `---\ntitle: Security overview\nsummary: How we protect data\n---\n\n${body}\n`;
const contentOnly = (body: string, on = 'true'): Files => ({
  ...edit(validProgram(), 'content/program.yaml', 'warn_within_days: 30', `warn_within_days: 30\ncontent_only: ${on}`),
  [TRUST]: page(body),
});

describe('code in an MDX body', () => {
  it('finds an import, an export and an expression, each on its own line', () => {
    const body = "import data from '../../secret.txt?raw'\n\nexport const x = 1\n\nHello {process.env.SECRET}.\n";
    expect(codeInBody(body, 6)).toEqual([
      { line: 6, what: "the statement `import data from '../../secret.txt?raw'`" },
      { line: 8, what: 'the statement `export const x = 1`' },
      { line: 10, what: 'the expression `{process.env.SECRET}`' },
    ]);
  });

  it('leaves comments, plain elements and the known components with quoted attributes alone', () => {
    const body = [
      '{/* a note for editors */}',
      '',
      'Text with {/* an inline note */} and <abbr title="Single sign-on">SSO</abbr>.',
      '',
      '<Check control="AC-04">Access reviewed</Check>',
      '',
      '<Todo>Write the rest.</Todo>',
      '',
      '```js',
      'import nothing from "a code block"',
      '{not.code}',
      '```',
    ].join('\n');
    expect(codeInBody(body, 1)).toEqual([]);
  });

  it('finds attribute expressions, spreads, unknown components, scripts and handlers', () => {
    const body = [
      '<Check control={process.env.X}>a</Check>',
      '<Todo {...props}>b</Todo>',
      '<Secret />',
      '<script src="https://cdn.test.example/x.js"></script>',
      '<img src="a.png" onerror="alert(1)" />',
      '<a.b />',
    ].join('\n\n');
    expect(codeInBody(body, 1).map((code) => [code.line, code.what])).toEqual([
      [1, 'the attribute `control={process.env.X}` on `<Check>`'],
      [3, 'the attributes `{...props}` on `<Todo>`'],
      [5, 'the component `<Secret>`, which is not one bodies are rendered with'],
      [7, "the element `<script>`, which runs or loads code in the reader's browser"],
      [9, 'the event handler `onerror` on `<img>`'],
      [11, 'the component `<a.b>`, which is not one bodies are rendered with'],
    ]);
  });

  it('reads an expression with a comment and code as code, and quotes a long one short', () => {
    const [found] = codeInBody(`{/* harmless */ globalThis.process.env.${'A'.repeat(80)}}`, 1);
    expect(found!.what).toMatch(/^the expression `\{\/\* harmless \*\/ globalThis\.process\.env\.A+…\}`$/);
    expect(found!.what.length).toBeLessThan(90);
  });
});

describe('content-only mode', () => {
  const body = "import secret from '../../../outside.txt?raw'\n\nOur key: {process.env.TRUSTBOOK_GRANT_SECRET}\n";

  it('makes each piece of code in a body an error naming its file and line', () => {
    const found = findings(check(contentOnly(body)), 'TB009');
    expect(found.map((finding) => [finding.severity, finding.file, finding.line])).toEqual([
      ['error', TRUST, 6],
      ['error', TRUST, 8],
    ]);
    expect(found[1]!.message).toBe(
      'the expression `{process.env.TRUSTBOOK_GRANT_SECRET}` would run when the site is built, and the program is content-only',
    );
  });

  it('is off when the program says false, and when it says nothing (programs made before the setting)', () => {
    expect(findings(check(contentOnly(body, 'false')), 'TB009')).toEqual([]);
    expect(findings(check({ ...validProgram(), [TRUST]: page(body) }), 'TB009')).toEqual([]);
  });

  it('reads no Markdown body as code: in `.md`, braces are text', () => {
    const files = contentOnly('plain');
    delete files[TRUST];
    files['content/trust/overview.md'] = page('Our key: {process.env.TRUSTBOOK_GRANT_SECRET}');
    expect(findings(check(files), 'TB009')).toEqual([]);
  });
});

import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BODY_CACHE_FILE, bodyCacheVersion, bodyKey, writeCleanBodies } from '../../src/engine/body-cache-fs.ts';
import { mdxSyntaxProblems } from '../../src/engine/body-syntax.ts';
import { loadProject, runChecks, type Diagnostic } from '../../src/engine/index.ts';
import { edit, validProgram, without, writeProgram, type Files } from '../helpers/program.ts';

/** The body starts on this line of its file, as it would after eight lines of frontmatter. */
const BODY_LINE = 10;

const broken: { name: string; body: string; line: number; message: RegExp; hint: RegExp }[] = [
  {
    name: 'a placeholder in angle brackets',
    body: 'Report incidents to\n\n<insert email address here> at once.\n',
    line: BODY_LINE + 2,
    message: /`<insert>` is never closed/,
    hint: /`\\<insert>`.*backticks/,
  },
  {
    name: 'a Go template placeholder',
    body: '## Purpose\n\nDear {{.Name}},\n',
    line: BODY_LINE + 2,
    message: /read as code/,
    hint: /`\\\{`.*backticks/,
  },
  {
    name: 'an unclosed <div>',
    body: 'Intro.\n\n<div>\n\nNever closed.\n',
    line: BODY_LINE + 2,
    message: /`<div>` is never closed/,
    hint: /close it with `<\/div>`/,
  },
  {
    name: 'an HTML comment',
    body: 'Intro.\n\n<!-- TODO: legal review -->\n',
    line: BODY_LINE + 2,
    message: /HTML comment/,
    hint: /`\{\/\* comment \*\/\}`/,
  },
  {
    name: 'a bare `<` before a letter',
    body: 'Response time x<y hours.\n',
    line: BODY_LINE,
    message: /`<` starts a tag/,
    hint: /`\\<`/,
  },
  {
    name: 'a brace never closed',
    body: 'Text.\n\nA { that never closes\n',
    line: BODY_LINE + 2,
    message: /`\{` is never closed/,
    hint: /`\\\{`/,
  },
  {
    name: 'a closing tag that does not match the open one',
    body: '<Callout>\n\nText.\n\n</Note>\n',
    line: BODY_LINE + 4,
    message: /`<\/Note>` closes a tag that is not the open one, `<Callout>` \(line 10\)/,
    hint: /Close `<Callout>`/,
  },
  {
    name: 'a closing tag never opened',
    body: 'Text </b> more.\n',
    line: BODY_LINE,
    message: /`<\/b>` closes a tag that was never opened/,
    hint: /Delete `<\/b>`/,
  },
  {
    name: 'a paragraph starting with "export", read as JavaScript',
    body: 'Steps.\n\nexport the user list every month.\n',
    line: BODY_LINE + 2,
    message: /starts with `import` or `export`/,
    hint: /Reword/,
  },
  {
    name: 'a placeholder inside a list item',
    body: '- Owner: security lead\n- Contact: <insert email>\n',
    line: BODY_LINE + 1,
    message: /`<insert>` is never closed/,
    hint: /backticks/,
  },
  {
    name: 'an indented tag (MDX has no indented code)',
    body: 'Intro.\n\n    <insert>\n',
    line: BODY_LINE + 2,
    message: /`<insert>` is never closed/,
    hint: /backticks/,
  },
  {
    name: 'a `---` rule at the top of the body, then a broken line',
    body: '---\n<insert here>\n---\n',
    line: BODY_LINE + 1,
    message: /`<insert>` is never closed/,
    hint: /backticks/,
  },
];

const valid: { name: string; body: string }[] = [
  { name: 'a GFM table', body: '| Role | Owner |\n| --- | --- |\n| Access | Security lead |\n' },
  { name: 'a task list', body: '- [ ] Export the user list\n- [x] Review each account\n' },
  { name: 'a bound checklist item', body: '- <Check control="AC-01" />\n- <Check rule="coverage">Covered</Check>\n' },
  { name: 'an MDX comment', body: '{/* reviewed by legal */}\n\nText.\n' },
  { name: 'a code fence holding tags and braces', body: '```\n<insert>\n{{.Name}}\n<!-- x -->\n```\n' },
  { name: 'inline code holding tags and braces', body: 'Write `<insert>` and `{{.Name}}` as code.\n' },
  { name: 'escaped characters', body: '\\<insert email address here> and \\{\\{.Name}}\n' },
  { name: 'a `<` followed by a space', body: 'Latency < 200 ms.\n' },
  { name: 'a self-closed tag', body: 'Line<br />break\n' },
  { name: 'an import of a component', body: 'import Note from "./note.astro"\n\n<Note>Text</Note>\n' },
  { name: 'an empty body', body: '' },
];

describe('mdxSyntaxProblems', () => {
  for (const testCase of broken) {
    it(`reports ${testCase.name} on its line in the file`, () => {
      const problems = mdxSyntaxProblems(testCase.body, BODY_LINE);
      expect(problems).toHaveLength(1);
      const [problem] = problems;
      expect(problem!.line).toBe(testCase.line);
      expect(problem!.message).toMatch(testCase.message);
      expect(problem!.hint).toMatch(testCase.hint);
      // Plain words: no parser rule names, no stack trace, no positions in the body's own numbering.
      expect(`${problem!.message} ${problem!.hint}`).not.toMatch(/mdx-jsx|mdxjs-rs|oxc|\n\s+at |\(\d+:\d+\)/);
    });
  }

  for (const testCase of valid) {
    it(`accepts ${testCase.name}`, () => {
      expect(mdxSyntaxProblems(testCase.body, BODY_LINE)).toEqual([]);
    });
  }

  it('gives the first problem only, as the build stops there', () => {
    expect(mdxSyntaxProblems('<a>\n\n<b>\n\n{{.Name}}\n', 1)).toHaveLength(1);
  });

  describe('input past what the parser can take is reported, never handed to it', () => {
    // Each of these crashes Sätteri's native compiler (the process dies), or takes minutes.
    const n = 100_000;
    const pathological: [string, string, RegExp][] = [
      [
        'brackets nested 100,000 deep',
        `Text.\n\n{${'('.repeat(n)}1${')'.repeat(n)}}\n`,
        /brackets nested more than 256 deep/,
      ],
      [
        'an expression of 100,000 operators',
        `Text.\n\n{${'!'.repeat(n)}x}\n`,
        /expression in `\{ \}` of more than 20000/,
      ],
      ['a chain of 40,000 conditionals', `{${'a?b:'.repeat(40_000)}c}\n`, /expression in `\{ \}`/],
      ['tags nested 100,000 deep', `${'<a>'.repeat(n)}x${'</a>'.repeat(n)}\n`, /tags nested more than 2000 deep/],
      [
        'an export statement of 100,000 operators',
        `Text.\n\nexport const x = ${'!'.repeat(n)}1\n`,
        /`import`\/`export` paragraph/,
      ],
    ];
    for (const [name, body, message] of pathological) {
      it(name, () => {
        const [problem] = mdxSyntaxProblems(body, BODY_LINE);
        expect(problem?.message).toMatch(message);
        expect(problem?.hint).toMatch(/Simplify/);
      });
    }

    it('points at the line where the limit is passed', () => {
      const [problem] = mdxSyntaxProblems(`Intro.\n\nMore.\n\n${'['.repeat(300)}\n`, BODY_LINE);
      expect(problem?.line).toBe(BODY_LINE + 4);
    });

    it('leaves large ordinary bodies to the parser', () => {
      const checks = '- <Check control="AC-01" />\n'.repeat(2_000);
      const prose = 'A sentence (with a remark) and [a link](https://example.com), {/* note */}.\n\n'.repeat(2_000);
      const esm = `import Note from "./note.astro"\n  \n${'Text after the import.\n\n'.repeat(2_000)}`;
      for (const body of [checks, prose, esm]) expect(mdxSyntaxProblems(body, BODY_LINE)).toEqual([]);
    });

    it('does not count what is inside a fenced code block', () => {
      const deep = `${'('.repeat(1_000)}${'<br>'.repeat(3_000)}`;
      expect(mdxSyntaxProblems(`Text.\n\n\`\`\`js\n${deep}\n\`\`\`\n\n~~~~\n${deep}\n~~~~\n`, BODY_LINE)).toEqual([]);
      // A line of inline code is no fence: what follows it is counted.
      const [problem] = mdxSyntaxProblems(`\`\`\`a\` b\n\n${'('.repeat(1_000)}\n`, BODY_LINE);
      expect(problem?.message).toMatch(/brackets nested/);
    });
  });

  it('points at the last line of the body when the parser points past its end', () => {
    const [problem] = mdxSyntaxProblems('Text.\n\nimport x from\n\n\n', BODY_LINE);
    expect(problem?.line).toBeLessThanOrEqual(BODY_LINE + 2);
  });
});

describe("the verdict is the build's", () => {
  // Astro's own MDX compiler, configured as @astrojs/mdx configures it, over the file as the build sees it:
  // the frontmatter blanked out, so the body starts on BODY_LINE.
  const compile = async (body: string): Promise<number | 'ok'> => {
    const renderer = await satteri().createMdxRenderer!(
      { syntaxHighlight: false, gfm: true, smartypants: true },
      { optimize: false, srcDir: new URL('file:///program/src/'), sourcemap: false },
    );
    try {
      await renderer.process(`${'\n'.repeat(BODY_LINE - 1)}${body}`, '/program/policies/test.mdx', {});
      return 'ok';
    } catch (error) {
      return Number(/^(\d+):/.exec((error as Error).message)?.[1]);
    }
  };

  for (const testCase of [...broken, ...valid]) {
    it(`agrees on ${testCase.name}`, async () => {
      const [problem] = mdxSyntaxProblems(testCase.body, BODY_LINE);
      expect(problem?.line ?? 'ok').toBe(await compile(testCase.body));
    });
  }
});

describe('TB007 in a checked program', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-bodies-'));
  });
  afterEach(() => {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  });

  const POLICY = 'policies/acceptable-use.mdx';
  const CONTROL = 'content/controls/BASE-01.mdx';
  const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.file}:${d.line ?? ''}`);

  function checkFiles(files: Files, options: { bodyCache?: boolean } = {}) {
    writeProgram(root, files);
    const { model, diagnostics } = loadProject(root, options);
    return runChecks(model, diagnostics, { today: '2026-07-15' }).diagnostics;
  }

  /** The findings a program has apart from those of the valid program it was made from. */
  function newFindings(files: Files): Diagnostic[] {
    const baseline = mkdtempSync(join(tmpdir(), 'trustbook-bodies-baseline-'));
    try {
      writeProgram(baseline, validProgram());
      const { model, diagnostics } = loadProject(baseline);
      const before = new Set(summary(runChecks(model, diagnostics, { today: '2026-07-15' }).diagnostics));
      return checkFiles(files).filter((d) => !before.has(summary([d])[0]!));
    } finally {
      rmSync(baseline, { recursive: true, force: true });
    }
  }

  it('reports one TB007 for a policy body with a placeholder, on its line, and nothing else', () => {
    // Lines 1-9 frontmatter, 10 blank, 11 heading, 12 blank, 13 the sentence.
    const files = edit(
      validProgram(),
      POLICY,
      /The acceptable-use policy[^\n]*/,
      'Write to <insert email address here>.',
    );
    const found = newFindings(files);
    expect(found).toEqual([expect.objectContaining({ severity: 'error', code: 'TB007', file: POLICY, line: 14 })]);
  });

  it('reports one finding per broken file, however many problems its body has', () => {
    const files = edit(validProgram(), CONTROL, /The security lead[^\n]*/, '<insert>\n\n{{.Name}}\n\n<!-- x -->');
    expect(summary(newFindings(files))).toEqual([`TB007 ${CONTROL}:11`]);
  });

  it('counts lines in a file with CRLF line ends', () => {
    const files = edit(validProgram(), POLICY, /The acceptable-use policy[^\n]*/, 'Dear {{.Name}},');
    const crlf = { ...files, [POLICY]: files[POLICY]!.replace(/\n/g, '\r\n') };
    expect(summary(newFindings(crlf))).toEqual([`TB007 ${POLICY}:14`]);
  });

  it('leaves .md bodies alone: Astro renders them as Markdown, where `<` and `{` are text', () => {
    const text = edit(validProgram(), POLICY, /The acceptable-use policy[^\n]*/, 'Write to <insert> {{.Name}}')[
      POLICY
    ]!;
    expect(summary(newFindings({ ...without(validProgram(), POLICY), 'policies/acceptable-use.md': text }))).toEqual(
      [],
    );
  });

  describe('the cache of clean bodies', () => {
    const cachePath = () => join(root, BODY_CACHE_FILE);
    const cached = () => JSON.parse(readFileSync(cachePath(), 'utf8')) as { version: string; clean: string[] };

    it('remembers every clean body, by the hash of its text, and no broken one', () => {
      const files = edit(validProgram(), POLICY, /The acceptable-use policy[^\n]*/, '<insert>');
      checkFiles(files);
      const { model } = loadProject(root);
      const bodies = model.controls.map((document) => document.body);
      expect(cached().clean).toEqual(expect.arrayContaining(bodies.map(bodyKey)));
      const policy = model.policies.find((document) => document.file === POLICY)!;
      expect(cached().clean).not.toContain(bodyKey(policy.body));
    });

    it('skips parsing a body it remembers as clean', () => {
      const files = edit(validProgram(), POLICY, /The acceptable-use policy[^\n]*/, '<insert>');
      writeProgram(root, files);
      const { model } = loadProject(root, { bodyCache: false });
      const policy = model.policies.find((document) => document.file === POLICY)!;
      // A cache claiming the broken body is clean: trusted, so the body is not parsed.
      writeCleanBodies(root, bodyCacheVersion()!, new Set([bodyKey(policy.body)]));
      expect(loadProject(root).diagnostics.filter((d) => d.code === 'TB007')).toEqual([]);
      // Without the cache, it is.
      expect(loadProject(root, { bodyCache: false }).diagnostics.filter((d) => d.code === 'TB007')).toHaveLength(1);
    });

    it('does not rewrite the cache when nothing changed', () => {
      checkFiles(validProgram());
      const written = statSync(cachePath()).mtimeMs;
      const text = readFileSync(cachePath(), 'utf8');
      loadProject(root);
      expect(statSync(cachePath()).mtimeMs).toBe(written);
      expect(readFileSync(cachePath(), 'utf8')).toBe(text);
    });

    it('drops the bodies no longer in the program', () => {
      checkFiles(validProgram());
      const before = cached().clean.length;
      rmSync(join(root, CONTROL));
      loadProject(root);
      expect(cached().clean.length).toBe(before - 1);
    });

    it('ignores a corrupt cache and replaces it', () => {
      writeProgram(root, validProgram());
      const expected = summary(loadProject(root).diagnostics);
      for (const corrupt of ['{"version": "x", "clean": [', 'null', '[1, 2]', '\u0000\u0001', '{"version": 1}']) {
        writeFileSync(cachePath(), corrupt);
        expect(summary(loadProject(root).diagnostics)).toEqual(expected);
        expect(cached().version).toBe(bodyCacheVersion());
      }
    });

    it('ignores a cache made by another parser version', () => {
      const files = edit(validProgram(), POLICY, /The acceptable-use policy[^\n]*/, '<insert>');
      writeProgram(root, files);
      const policy = loadProject(root, { bodyCache: false }).model.policies.find((d) => d.file === POLICY)!;
      writeCleanBodies(root, 'satteri 0.0.1; old rules', new Set([bodyKey(policy.body)]));
      expect(loadProject(root).diagnostics.filter((d) => d.code === 'TB007')).toHaveLength(1);
    });

    it('writes atomically, leaving no temporary file behind', () => {
      checkFiles(validProgram());
      expect(readdirSync(join(root, '.trustbook/cache'))).toEqual(['mdx-bodies.json']);
    });

    it('does not fail the check when the cache cannot be written', () => {
      writeProgram(root, validProgram());
      const expected = summary(loadProject(root, { bodyCache: false }).diagnostics);
      // `.trustbook` is a file, so the cache folder cannot be made (a read-only folder does the same, except
      // to root, who may write anywhere).
      writeFileSync(join(root, '.trustbook'), 'not a folder\n');
      expect(summary(loadProject(root).diagnostics)).toEqual(expected);
      rmSync(join(root, '.trustbook'));
      chmodSync(root, 0o555);
      expect(summary(loadProject(root).diagnostics)).toEqual(expected);
    });
  });
});

/**
 * Whether an MDX body will compile. Bodies are parsed with Sätteri, the parser Astro's MDX build runs, so a
 * body this passes is one the build accepts, and one it rejects stops the build. Pure: the body comes in as
 * text, and the problem goes out with its line in the file.
 *
 * Only `.mdx` bodies need this: Astro renders `.md` files as plain Markdown, where `<` and `{` are text and
 * nothing fails to parse.
 */
import { createRequire } from 'node:module';
import type * as Satteri from 'satteri';
import { UsageError } from './errors.ts';

export interface BodySyntaxProblem {
  /** Line in the file: the body's own line moved down by the line the body starts on. */
  line: number;
  /** 1-based column on that line. */
  column: number;
  message: string;
  /** How to fix it. */
  hint: string;
}

/**
 * How deep brackets and tags may nest, and how long one `{ }` expression or `import`/`export` paragraph may be,
 * outside code blocks.
 */
export const PARSER_LIMITS = { brackets: 256, tags: 2_000, expression: 20_000 } as const;

/**
 * What the verdict depends on besides the body and the parser's version: change it whenever the options or
 * the checks below change, so that bodies remembered as clean are parsed again.
 */
export const BODY_SYNTAX_RULES = `mdx; gfm; no frontmatter; esm compiled; limits ${Object.values(PARSER_LIMITS).join('/')}; 1`;

/** The build parses the whole file with the frontmatter blanked out, so a `---` at the top of a body is a rule. */
const features = { frontmatter: false } satisfies Satteri.Features;

let satteri: typeof Satteri | undefined;

/** Loaded on first use: a check whose bodies are all known to be clean never pays for loading the parser. */
function parser(): typeof Satteri {
  try {
    satteri ??= createRequire(import.meta.url)('satteri') as typeof Satteri;
  } catch (error) {
    throw new UsageError(
      `the MDX parser (satteri) cannot be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      'Reinstall the dependencies with `npm ci`: satteri comes with a native part for each platform.',
    );
  }
  return satteri;
}

/**
 * The syntax problems of an MDX body that starts on line `bodyLine` of its file: none, or the first one (the
 * parser stops there, as the build does).
 */
export function mdxSyntaxProblems(body: string, bodyLine: number): BodySyntaxProblem[] {
  const tooDeep = beyondParserLimits(body, bodyLine);
  if (tooDeep) return [tooDeep];
  const { createMdxMdastHandle, dropHandle, mdxToJs } = parser();
  try {
    // Parsed into the parser's own native tree and dropped: the verdict is all the check needs, and building
    // the JavaScript tree would cost ten times the parse.
    dropHandle(createMdxMdastHandle(body, features, false));
    // `import`/`export` lines are kept as text by the parse; the build compiles them as JavaScript. A body
    // rarely has one, so only then is it compiled the way the build does it.
    if (mayHaveEsm(body)) mdxToJs(body, { features });
    return [];
  } catch (error) {
    return [describe(error instanceof Error ? error.message : String(error), body, bodyLine)];
  }
}

/** Whether a line of the body starts with `import` or `export`: the only place MDX reads JavaScript statements. */
function mayHaveEsm(body: string): boolean {
  for (const keyword of ['import', 'export']) {
    let at = body.indexOf(keyword);
    while (at !== -1) {
      if (at === 0 || body.charCodeAt(at - 1) === 10 /* \n */) return true;
      at = body.indexOf(keyword, at + 1);
    }
  }
  return false;
}

/**
 * Input the parser must not see. Its compiler recurses natively: brackets nested some thousands deep, or an
 * expression of some tens of thousands of operators, crash the whole process (the build's with it), and
 * each level of tags nested tens of thousands deep costs more than the last, so they take minutes. No real
 * document comes near the limits, which sit well below those points. The scan counts characters without
 * parsing; it skips fenced code blocks, whose text the parser does not read as MDX.
 */
export function beyondParserLimits(body: string, bodyLine: number): BodySyntaxProblem | undefined {
  const { brackets: maxBrackets, tags: maxTags, expression } = PARSER_LIMITS;
  let line = bodyLine - 1;
  let fence: string | undefined;
  let brackets = 0;
  let tags = 0;
  let braces = 0;
  let expressionStart = -1;
  // Where the next `>` and the next blank line are, looked up again only once passed: one pass, however
  // many tags or statements there are.
  let nextTagEnd = -1;
  let nextBlankLine = -1;
  const problem = (what: string): BodySyntaxProblem => ({
    line,
    column: 1,
    message: `${what}: more than the MDX compiler can take (it crashes or stalls, and the build with it)`,
    hint: 'Simplify or split it; if it is text or code, put it in a code block, or write `\\<` and `\\{`.',
  });
  for (let at = 0; at < body.length; at++) {
    if (at === 0 || body.charCodeAt(at - 1) === 10 /* \n */) {
      line++;
      const lineEnd = indexOrEnd(body, '\n', at);
      if (fence !== undefined) {
        if (closesFence(body.slice(at, lineEnd), fence)) fence = undefined;
        at = lineEnd;
        continue;
      }
      fence = opensFence(body.slice(at, lineEnd));
      if (fence !== undefined) {
        at = lineEnd;
        continue;
      }
      if (/^(?:import|export)\b/.test(body.slice(at, at + 7))) {
        if (nextBlankLine < at) nextBlankLine = blankLineAfter(body, at);
        if (nextBlankLine - at > expression)
          return problem(`an \`import\`/\`export\` paragraph of more than ${expression} characters`);
      }
    }
    const code = body.charCodeAt(at);
    if (code === 40 /* ( */ || code === 91 /* [ */ || code === 123 /* { */) {
      if (++brackets > maxBrackets) return problem(`brackets nested more than ${maxBrackets} deep`);
      if (code === 123 && braces++ === 0) expressionStart = at;
    } else if (code === 41 /* ) */ || code === 93 /* ] */ || code === 125 /* } */) {
      brackets = Math.max(brackets - 1, 0);
      if (code === 125 && braces > 0 && --braces === 0) expressionStart = -1;
    } else if (code === 60 /* < */) {
      const next = body.charCodeAt(at + 1);
      if (next === 47 /* / */) {
        tags = Math.max(tags - 1, 0);
      } else if (((next | 32) >= 97 && (next | 32) <= 122) || next === 62 /* <> */) {
        // An open tag, unless it closes itself (`<Check />`).
        if (nextTagEnd < at) nextTagEnd = indexOrEnd(body, '>', at);
        if (nextTagEnd < body.length && body.charCodeAt(nextTagEnd - 1) !== 47 && ++tags > maxTags) {
          return problem(`tags nested more than ${maxTags} deep`);
        }
      }
    }
    if (expressionStart !== -1 && at - expressionStart > expression) {
      return problem(`an expression in \`{ }\` of more than ${expression} characters`);
    }
  }
  return undefined;
}

/** The fence a line opens (` ``` ` or `~~~`, indented at most three spaces), if it opens one. */
function opensFence(line: string): string | undefined {
  const found = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  // A backtick fence's info string holds no backtick: ` ```a` `` is inline code, not a fence.
  if (!found || (found[1]![0] === '`' && found[2]!.includes('`'))) return undefined;
  return found[1];
}

function closesFence(line: string, fence: string): boolean {
  const found = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return found !== null && found[1]![0] === fence[0] && found[1]!.length >= fence.length;
}

function blankLineAfter(body: string, from: number): number {
  const blank = /\n[ \t]*(?:\n|$)/g;
  blank.lastIndex = from;
  return blank.exec(body)?.index ?? body.length;
}

function indexOrEnd(body: string, text: string, from: number): number {
  const found = body.indexOf(text, from);
  return found === -1 ? body.length : found;
}

/**
 * The parser's message in plain words, on the file's line. It throws an `Error` whose message starts with the
 * body's line and column: `3:9: Expected a closing tag for \`<insert>\` (3:9) before the end of \`paragraph\`
 * (mdx-jsx:unexpected-character)`.
 */
function describe(raw: string, body: string, bodyLine: number): BodySyntaxProblem {
  const position = /^(\d+):(\d+):\s*/.exec(raw);
  const fileLine = (line: number) => bodyLine + Math.min(Math.max(line, 1), lastLine(body)) - 1;
  const line = fileLine(position ? Number(position[1]) : 1);
  const column = position ? Number(position[2]) : 1;
  const text = raw
    .slice(position?.[0].length ?? 0)
    .split('\n')[0]!
    // The rule that fired, `(mdx-jsx:unexpected-character)`, means nothing to a reader.
    .replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '')
    // Positions the parser quotes are in the body; the reader counts lines in the file.
    .replace(/\((\d+):\d+\)/g, (_, at: string) => `(line ${fileLine(Number(at))})`)
    .trim();
  for (const explain of explanations) {
    const found = explain(text);
    if (found) return { line, column, ...found };
  }
  return {
    line,
    column,
    message: `the body is not valid MDX, so the site cannot be built: ${text.replace(/ with oxc/, '')}`,
    hint: generalHint,
  };
}

/** The last line of the body that holds anything: a parser may point past the end. */
function lastLine(body: string): number {
  const trimmed = body.trimEnd();
  let lines = 1;
  for (let at = trimmed.indexOf('\n'); at !== -1; at = trimmed.indexOf('\n', at + 1)) lines++;
  return lines;
}

type Explanation = (text: string) => { message: string; hint: string } | undefined;

const generalHint =
  'MDX reads `<` as the start of a tag and `{` as the start of code: write `\\<` and `\\{` for the characters, ' +
  'put such text in backticks, close every tag you open, and write comments as `{/* comment */}`.';

/** Plain words for the parser's messages, most specific first. */
const explanations: Explanation[] = [
  (text) =>
    text.includes('to create a comment in MDX')
      ? {
          message: 'an HTML comment (`<!-- -->`) is not valid in MDX, so the site cannot be built',
          hint: 'Write the comment as `{/* comment */}`, or delete it.',
        }
      : undefined,
  (text) =>
    text.includes('expected a valid JSX tag')
      ? {
          message: '`<` starts a tag in MDX, and what follows it is not a tag, so the site cannot be built',
          hint:
            'If the `<` is text, write it as `\\<` or put the text in backticks; a link is written `[text](url)`; ' +
            'a component\'s attributes are written `name="value"` or `name={value}`.',
        }
      : undefined,
  (text) => {
    const tag = /^Expected a closing tag for `(<[^`]*>)`/.exec(text)?.[1];
    if (tag === undefined) return undefined;
    const name = tag.slice(1, -1).split(/\s/)[0]!;
    return {
      message: `the tag \`${tag}\` is never closed, so the site cannot be built`,
      hint:
        `If \`${tag}\` is text, write it as \`\\${tag}\` or put it in backticks; if it is a tag, close it ` +
        `with \`</${name}>\` or end it with \`/>\`.`,
    };
  },
  (text) => {
    const found = /^Unexpected closing tag `(<\/[^`]*>)`, expected corresponding closing tag for `(<[^`]*>)`(.*)$/.exec(
      text,
    );
    if (!found) return undefined;
    const [, closing, open, where] = found;
    return {
      message: `\`${closing}\` closes a tag that is not the open one, \`${open}\`${where}, so the site cannot be built`,
      hint: `Close \`${open}\` before \`${closing}\`, or write \`\\<\` where a \`<\` is text.`,
    };
  },
  (text) => {
    const closing = /^Unexpected closing tag `(<\/[^`]*>)`/.exec(text)?.[1];
    return closing === undefined
      ? undefined
      : {
          message: `\`${closing}\` closes a tag that was never opened, so the site cannot be built`,
          hint: `Delete \`${closing}\`, open the tag before it, or write \`\\<\` if it is text.`,
        };
  },
  (text) =>
    /closing brace for `\{`/.test(text)
      ? {
          message: 'a `{` is never closed: MDX reads `{` as the start of code, so the site cannot be built',
          hint: 'Write the `{` as `\\{` or put the text in backticks; a comment is written `{/* comment */}`.',
        }
      : undefined,
  (text) =>
    text.startsWith('Could not parse expression')
      ? {
          message: 'the text in `{ }` is read as code, and it is not valid code, so the site cannot be built',
          hint:
            'Write each `{` as `\\{` (`\\{\\{.Name}}`) or put the text in backticks; a comment is written ' +
            '`{/* comment */}`.',
        }
      : undefined,
  (text) =>
    text.startsWith('Could not parse esm')
      ? {
          message:
            'a paragraph that starts with `import` or `export` is read as JavaScript, and this one is not valid, ' +
            'so the site cannot be built',
          hint: 'Reword the line so that it does not start with `import` or `export` (`Export` works), or fix the statement.',
        }
      : undefined,
];

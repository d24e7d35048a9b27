/**
 * YAML syntax errors in plain words, on the line a person would fix. The parsers name where they gave up, which
 * for an unclosed quote or bracket is the end of the file, and say it in grammar terms ("bad indentation of a
 * mapping entry" for `title: Use: the rules`). This reads the `yaml` package's error codes, which say what went
 * wrong, and the text around them, to name the common mistakes: a tab, a quote or bracket never closed, a key
 * given twice, a colon inside a value, a list item or key out of line. Anything else keeps the parser's words.
 * Run only once a file has failed to parse, so it costs nothing on a clean program.
 */
import { LineCounter, parseDocument, type YAMLError } from 'yaml';

/** What is wrong, with the column (1-based) on the finding's line where it is. */
export type YamlSyntax =
  | { what: 'tab'; column: number }
  | { what: 'unclosed-quote'; column: number; quote: string }
  | { what: 'unclosed-bracket'; column: number; bracket: string }
  | { what: 'duplicate-key'; column: number; key: string }
  | { what: 'colon-in-value'; column: number; key: string }
  | { what: 'reserved-start'; column: number; character: string }
  | { what: 'item-indent'; column: number }
  | { what: 'key-indent'; column: number }
  | { what: 'no-space-after-colon'; column: number; key: string }
  | { what: 'parser'; column?: number | undefined; reason: string };

export interface ExplainedYamlError {
  /** 1-based line in `text`. */
  line: number;
  syntax: YamlSyntax;
}

/**
 * How every YAML text of a program is parsed: a key given twice is an error, and `resolveKnownTags: false` keeps
 * `!!timestamp 2026-02-30` the text it is, instead of March 2nd.
 */
export const yamlOptions = {
  prettyErrors: false,
  uniqueKeys: true,
  schema: 'core',
  resolveKnownTags: false,
} as const;

/**
 * The first syntax error of `text` in plain words; undefined when the `yaml` package finds none (the caller
 * then keeps what its own parser said).
 */
export function explainYamlError(text: string): ExplainedYamlError | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, ...yamlOptions });
  const [error] = [...document.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  if (!error) return undefined;
  const lines = text.split(/\r?\n/);
  const at = lineCounter.linePos(Math.min(error.pos[0], text.length));
  return explain(error, lines, clampLine(lines, at.line), at.col);
}

function explain(error: YAMLError, lines: string[], line: number, column: number): ExplainedYamlError {
  const source = lines[line - 1] ?? '';
  const message = error.message.split('\n')[0]!;
  if (error.code === 'TAB_AS_INDENT') return { line, syntax: { what: 'tab', column: source.indexOf('\t') + 1 } };
  if (error.code === 'MISSING_CHAR' && /quote/.test(message)) {
    const opened = lastUnclosed(lines, line, openQuote);
    if (opened) return { line: opened.line, syntax: { what: 'unclosed-quote', ...opened.found } };
  }
  if (error.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message)) {
    const opened = lastUnclosed(lines, line, openBracket);
    if (opened) return { line: opened.line, syntax: { what: 'unclosed-bracket', ...opened.found } };
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?["']?([^:"',{}]+?)["']?\s*:/.exec(source.slice(column - 1))?.[1] ?? '?';
    return { line, syntax: { what: 'duplicate-key', column, key } };
  }
  const colon = colonInValue(source);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && colon) return { line, syntax: { what: 'colon-in-value', ...colon } };
  // `key: value` followed by a key indented deeper: the parser stops at the value, the mistake is the next line.
  const deeper = indentedUnder(source, lines[line] ?? '');
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && deeper !== undefined) {
    return { line: line + 1, syntax: { what: 'key-indent', column: deeper + 1 } };
  }
  if (error.code === 'BAD_SCALAR_START') {
    return { line, syntax: { what: 'reserved-start', column, character: source.charAt(column - 1) } };
  }
  if (
    (error.code === 'BAD_INDENT' && /sequence items/.test(message)) ||
    (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /block sequence/.test(message))
  ) {
    return { line, syntax: { what: 'item-indent', column: indentOf(source) + 1 } };
  }
  if (error.code === 'BAD_INDENT' && /mapping items/.test(message)) {
    return { line, syntax: { what: 'key-indent', column: indentOf(source) + 1 } };
  }
  const glued = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*):(?=[^\s:/])/.exec(source);
  if (error.code === 'MULTILINE_IMPLICIT_KEY' && glued) {
    return { line, syntax: { what: 'no-space-after-colon', column: glued[0].length, key: glued[2]! } };
  }
  return { line, syntax: { what: 'parser', column, reason: message } };
}

/** A line number moved back onto the last line of the text that holds anything. */
function clampLine(lines: string[], line: number): number {
  let last = lines.length;
  while (last > 1 && lines[last - 1]!.trim() === '') last--;
  return Math.max(1, Math.min(line, last));
}

/**
 * The indentation of `next` when it is a key indented deeper than the key of `line`, which holds a value of
 * its own (so nothing may nest under it).
 */
function indentedUnder(line: string, next: string): number | undefined {
  const own = /^(\s*(?:-\s+)?)[^\s#:"'[{][^:]*:\s+\S/.exec(line);
  const child = /^(\s+)[^\s#:"'[{-][^:]*:(\s|$)/.exec(next);
  if (!own || !child) return undefined;
  return child[1]!.length > own[1]!.length ? child[1]!.length : undefined;
}

function indentOf(line: string): number {
  return /^[ ]*/.exec(line)![0].length;
}

/**
 * The value after `key: ` when it is plain (not quoted, not a list or map) and holds `: ` itself, which YAML
 * reads as a second key: the column of that colon.
 */
function colonInValue(line: string): { column: number; key: string } | undefined {
  const match = /^(\s*(?:-\s+)?)([^\s#:"'[{-][^:[\]{}]*?):\s+(?![\s"'[{|>&*!])/.exec(line);
  if (!match) return undefined;
  const rest = line.slice(match[0].length);
  const inner = /:(\s|$)/.exec(rest);
  return inner ? { column: match[0].length + inner.index + 1, key: match[2]!.trim() } : undefined;
}

type Opener<T> = (line: string) => T | undefined;

/** The last line up to `line` on which `opener` finds something opened and not closed on that line. */
function lastUnclosed<T>(lines: string[], line: number, opener: Opener<T>): { line: number; found: T } | undefined {
  for (let at = line; at >= 1; at--) {
    const found = opener(lines[at - 1] ?? '');
    if (found) return { line: at, found };
  }
  return undefined;
}

/** A quoted value that starts on this line (after `key: `, `- ` or inside a flow list) and does not end on it. */
const openQuote: Opener<{ column: number; quote: string }> = (line) => {
  const start = /^(\s*(?:-\s+)?(?:[^\s#:"'][^:]*:\s+)?(?:[[{][^"']*?)?)(["'])/.exec(line);
  if (!start) return undefined;
  const quote = start[2]!;
  const after = line.slice(start[0].length);
  const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(after) : /'(?!')/.test(after.replace(/''/g, ''));
  return closed ? undefined : { column: start[1]!.length + 1, quote };
};

/** A `[` or `{` after `key: ` or `- ` whose brackets do not balance on this line. */
const openBracket: Opener<{ column: number; bracket: string }> = (line) => {
  const start = /^(\s*(?:-\s+)?(?:[^\s#:"'[{][^:]*:\s+)?)([[{])/.exec(line);
  if (!start) return undefined;
  let depth = 0;
  for (const character of line.slice(start[1]!.length).replace(/"[^"]*"|'[^']*'/g, '')) {
    if (character === '[' || character === '{') depth++;
    if (character === ']' || character === '}') depth--;
  }
  return depth > 0 ? { column: start[1]!.length + 1, bracket: start[2]! } : undefined;
};

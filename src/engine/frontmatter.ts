/**
 * Splits a document into YAML frontmatter and body and parses the YAML once. YAML 1.2 core schema: dates
 * stay text and are checked as calendar dates by the schemas, so `2026-02-30` is an error instead of
 * silently becoming March 2nd.
 *
 * Values come from js-yaml, which is fast; the line of each key comes from the `yaml` package's document
 * model, which is about ten times slower, so it is worked out only for a file that has a finding to point at.
 */
import yaml from 'js-yaml';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document as YamlDocument,
  type Node,
} from 'yaml';
import { explainYamlError, yamlOptions, type YamlSyntax } from './yaml-errors.ts';

/** YAML that does not parse: on which line, and what is wrong there (see `yaml-errors.ts`). */
export interface YamlProblem {
  code: 'TB001';
  line: number;
  syntax: YamlSyntax;
}

/**
 * A problem found while reading a file, before any schema sees it: YAML that does not parse, frontmatter never
 * closed (TB002), or none at all (TB004: `empty` when the file holds nothing).
 */
export type ParseProblem =
  YamlProblem | { code: 'TB002'; line: number } | { code: 'TB004'; line: number; empty: boolean };

/** Line of each key, by dotted path (`artifacts.2.sha256`), 1-based in the file. */
export interface KeyLines {
  get(path: string): number | undefined;
}

export interface ParsedYaml {
  data: unknown;
  keyLines: KeyLines;
  problems: YamlProblem[];
}

export interface ParsedDocument extends Omit<ParsedYaml, 'problems'> {
  problems: ParseProblem[];
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
}

/** Computes the key lines on first use, then remembers them. */
class LazyKeyLines implements KeyLines {
  #lines: Map<string, number> | undefined;
  readonly #text: string;
  readonly #firstLine: number;

  constructor(text: string, firstLine: number) {
    this.#text = text;
    this.#firstLine = firstLine;
  }

  get(path: string): number | undefined {
    this.#lines ??= keyLinesOf(this.#text, this.#firstLine);
    return this.#lines.get(path);
  }
}

function keyLinesOf(text: string, firstLine: number): Map<string, number> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, schema: 'core' });
  const keyLines = new Map<string, number>();
  collectKeyLines(
    document.contents as Node | null,
    [],
    keyLines,
    (offset) => lineCounter.linePos(offset).line + firstLine - 1,
  );
  return keyLines;
}

/** Aliases (`*name`) can multiply a small text into a huge value; such rare files take the guarded parser. */
const alias = /(^|[\s[{,:-])\*[^\s,\]}]+/m;

/** Parses YAML that starts on line `firstLine` of its file. */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const keyLines = new LazyKeyLines(text, firstLine);
  if (alias.test(text)) return parseGuarded(text, firstLine, keyLines);
  try {
    return { data: yaml.load(text, { schema: yaml.CORE_SCHEMA, json: false }), keyLines, problems: [] };
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    const explained = plainProblem(text, firstLine);
    if (explained) return { data: undefined, keyLines, problems: [explained] };
    if (!mark) {
      // js-yaml names no position for some errors (a second document): the other parser does.
      const guarded = parseGuarded(text, firstLine, keyLines);
      if (guarded.problems.length > 0) return guarded;
    }
    const syntax = { what: 'parser', column: mark && mark.column + 1, reason: firstSentence(reason) } as const;
    return {
      data: undefined,
      keyLines,
      problems: [{ code: 'TB001', line: lastLineAtMost(text, mark?.line ?? 0) + firstLine, syntax }],
    };
  }
}

/** The `yaml` package's parser, which caps how far aliases may expand. */
function parseGuarded(text: string, firstLine: number, keyLines: KeyLines): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, ...yamlOptions });
  if (document.errors.length > 0) {
    const explained = plainProblem(text, firstLine);
    const problems: YamlProblem[] = explained
      ? [explained]
      : document.errors.map((error) => ({
          code: 'TB001',
          line: lastLineAtMost(text, lineCounter.linePos(error.pos[0]).line - 1) + firstLine,
          syntax: {
            what: 'parser',
            column: lineCounter.linePos(error.pos[0]).col,
            reason: firstSentence(error.message),
          },
        }));
    return { data: undefined, keyLines, problems };
  }
  try {
    return { data: document.toJS({ maxAliasCount: 100 }), keyLines, problems: [] };
  } catch (error) {
    const offset = unresolvedAliasOffset(document);
    const line = offset === undefined ? firstLine : lineCounter.linePos(offset).line + firstLine - 1;
    const syntax = { what: 'parser', reason: firstSentence(String(error)) } as const;
    return { data: undefined, keyLines, problems: [{ code: 'TB001', line, syntax }] };
  }
}

/**
 * A common mistake named in plain words, on the line to fix (see `yaml-errors.ts`); undefined when the error is
 * none of those, and the parser's own words are kept.
 */
function plainProblem(text: string, firstLine: number): YamlProblem | undefined {
  const explained = explainYamlError(text);
  if (!explained || explained.syntax.what === 'parser') return undefined;
  return { code: 'TB001', line: explained.line + firstLine - 1, syntax: explained.syntax };
}

/** Where the first alias without an anchor before it is: the usual reason `toJS` fails. */
function unresolvedAliasOffset(document: YamlDocument): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document) !== undefined) return undefined;
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * A 0-based line of `text`, moved back to its last line that holds anything: "unexpected end of the stream"
 * (an unclosed quote or bracket) is reported past the end, on a line the file does not have, or on the
 * frontmatter's closing `---`.
 */
function lastLineAtMost(text: string, line: number): number {
  const trimmed = text.trimEnd();
  let last = 0;
  for (let at = trimmed.indexOf('\n'); at !== -1 && last < line; at = trimmed.indexOf('\n', at + 1)) last++;
  return Math.min(line, last);
}

function firstSentence(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

function collectKeyLines(
  node: Node | null,
  path: string[],
  keyLines: Map<string, number>,
  lineAt: (offset: number) => number,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? String(key.value) : '?';
      const keyPath = [...path, name];
      if (key?.range) keyLines.set(keyPath.join('.'), lineAt(key.range[0]));
      collectKeyLines(pair.value as Node | null, keyPath, keyLines, lineAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemPath = [...path, String(index)];
      const itemNode = item as Node | null;
      if (itemNode?.range) keyLines.set(itemPath.join('.'), lineAt(itemNode.range[0]));
      collectKeyLines(itemNode, itemPath, keyLines, lineAt);
    });
  }
}

const fence = /^---[ \t]*$/;

/** Reads a Markdown/MDX document whose frontmatter sits between two `---` lines at the top. */
export function parseFrontmatterDocument(text: string): ParsedDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const unstarted = (empty: boolean): ParsedDocument => ({
    data: undefined,
    keyLines: new Map<string, number>(),
    problems: [{ code: 'TB004', line: 1, empty }],
    body: '',
    bodyLine: 1,
  });
  if (lines.every((line) => line.trim() === '')) return unstarted(true);
  if (!fence.test(lines[0]!)) return unstarted(false);
  const closing = lines.findIndex((line, index) => index > 0 && (fence.test(line) || /^\.\.\.[ \t]*$/.test(line)));
  if (closing === -1) {
    return {
      data: undefined,
      keyLines: new Map<string, number>(),
      problems: [{ code: 'TB002', line: 1 }],
      body: '',
      bodyLine: 1,
    };
  }
  const parsed = parseYaml(lines.slice(1, closing).join('\n'), 2);
  if (parsed.problems.length === 0 && (parsed.data === null || parsed.data === undefined)) {
    parsed.data = {};
  }
  return { ...parsed, body: lines.slice(closing + 1).join('\n'), bodyLine: closing + 2 };
}

/** The line of the most specific known key on a path, else `fallback`. */
export function lineOfPath(keyLines: KeyLines, path: readonly PropertyKey[], fallback = 1): number {
  for (let length = path.length; length > 0; length--) {
    const line = keyLines.get(path.slice(0, length).map(String).join('.'));
    if (line !== undefined) return line;
  }
  return fallback;
}

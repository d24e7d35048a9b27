/**
 * Appends an artifact to an evidence series by editing the text, so every other line of the file, comments
 * and formatting included, stays exactly as it was. The result is parsed again and compared before it is kept.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { parseFrontmatterDocument } from '../engine/frontmatter.ts';

export interface NewArtifact {
  collected: string;
  period?: string | undefined;
  location?: string | undefined;
  file?: string | undefined;
  sha256?: string | undefined;
  note?: string | undefined;
}

const plainScalar = /^[A-Za-z0-9][\w.-]*$/;

function scalar(key: string, value: string): string {
  const bare = plainScalar.test(value) && !/^\d+$/.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value);
  return bare || key === 'collected' ? value : JSON.stringify(value);
}

function entries(artifact: NewArtifact): [string, string][] {
  return (['collected', 'period', 'location', 'file', 'sha256', 'note'] as const)
    .filter((key) => artifact[key] !== undefined)
    .map((key) => [key, scalar(key, artifact[key]!)]);
}

export class AppendError extends Error {}

/** The file's text with the artifact appended to `artifacts:`. */
export function appendArtifact(text: string, artifact: NewArtifact): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const before = parseFrontmatterDocument(text);
  if (before.problems.length > 0 || !before.data || typeof before.data !== 'object') {
    throw new AppendError('the evidence file does not parse; fix it first (trustbook check shows why)');
  }
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  const artifactsLine = lines.findIndex((line, index) => index > 0 && index < closing && /^artifacts\s*:/.test(line));
  const flow = `{ ${entries(artifact)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')} }`;

  let next: string[];
  if (artifactsLine === -1) {
    next = [...lines.slice(0, closing), 'artifacts:', `  - ${flow}`, ...lines.slice(closing)];
  } else if (/^artifacts\s*:\s*\[\s*\]\s*(#.*)?$/.test(lines[artifactsLine]!)) {
    const comment = lines[artifactsLine]!.match(/\s*#.*$/)?.[0] ?? '';
    next = [...lines.slice(0, artifactsLine), `artifacts:${comment}`, `  - ${flow}`, ...lines.slice(artifactsLine + 1)];
  } else if (/^artifacts\s*:\s*(#.*)?$/.test(lines[artifactsLine]!)) {
    // A block sequence: items are the indented lines after `artifacts:` up to the next top-level key.
    let end = artifactsLine + 1;
    let lastItemLine = artifactsLine;
    let indent = '  ';
    let blockStyle = false;
    while (end < closing && (/^\s/.test(lines[end]!) || lines[end]!.trim() === '' || lines[end]!.startsWith('-'))) {
      const item = /^(\s*)- (.*)$/.exec(lines[end]!);
      if (item) {
        indent = item[1]!;
        blockStyle = !item[2]!.trim().startsWith('{');
      }
      if (lines[end]!.trim() !== '' && !lines[end]!.trim().startsWith('#')) lastItemLine = end;
      end++;
    }
    const added = blockStyle
      ? entries(artifact).map(([key, value], index) => `${indent}${index === 0 ? '- ' : '  '}${key}: ${value}`)
      : [`${indent}- ${flow}`];
    next = [...lines.slice(0, lastItemLine + 1), ...added, ...lines.slice(lastItemLine + 1)];
  } else {
    next = appendWithDocument(lines, closing, artifact).split('\n');
  }

  const result = next.join(eol);
  verify(before.data as Record<string, unknown>, result, artifact);
  return result;
}

/** Flow-style `artifacts: [ ... ]` on one line: let the YAML library rewrite just that document. */
function appendWithDocument(lines: string[], closing: number, artifact: NewArtifact): string {
  const document = parseDocument(lines.slice(1, closing).join('\n'));
  document.addIn(
    ['artifacts'],
    document.createNode(
      Object.fromEntries(entries(artifact).map(([key]) => [key, artifact[key as keyof NewArtifact]])),
      { flow: true },
    ),
  );
  const yaml = document.toString({ lineWidth: 0 }).trimEnd();
  return [lines[0]!, yaml, ...lines.slice(closing)].join('\n');
}

function verify(before: Record<string, unknown>, text: string, artifact: NewArtifact): void {
  const after = parseFrontmatterDocument(text);
  const data = after.data as Record<string, unknown> | undefined;
  const previous = (before.artifacts as unknown[] | undefined) ?? [];
  const now = (data?.artifacts as unknown[] | undefined) ?? [];
  const withoutArtifacts = (fields: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'artifacts'));
  const expected = Object.fromEntries(Object.entries(artifact).filter(([, value]) => value !== undefined));
  const last = now.at(-1) as Record<string, unknown> | undefined;
  const lastNormalised = last && Object.fromEntries(Object.entries(last).map(([key, value]) => [key, String(value)]));
  if (
    after.problems.length > 0 ||
    now.length !== previous.length + 1 ||
    !isDeepStrictEqual(now.slice(0, -1), previous) ||
    !isDeepStrictEqual(withoutArtifacts(data ?? {}), withoutArtifacts(before)) ||
    !isDeepStrictEqual(lastNormalised, expected)
  ) {
    throw new AppendError('the artifact could not be added without changing the rest of the file; add it by hand');
  }
}

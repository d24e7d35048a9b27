/**
 * The words of every finding live in its code's catalogue entry (src/engine/findings/catalogue.ts), and a rule
 * raises it with `finding(code, where, ...values)`. This test reads every TypeScript file under src/ and fails
 * on an object literal that writes a finding by hand: one that writes the text of a message or a hint (a string
 * or template literal, anywhere in the value) beside a code, a severity, or the spread of another finding.
 * Copying a finding's text to print it (`message: d.message`) is fine, and so is text with no code beside it
 * (a parser's problem, a usage error).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Where the words of findings are written: the catalogue, and `finding()` that puts them on a finding. */
const findingsFolder = 'src/engine/findings/';

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const nameOf = (property: ts.ObjectLiteralElementLike): string | undefined =>
  !ts.isSpreadAssignment(property) &&
  property.name &&
  (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
    ? property.name.text
    : undefined;

/**
 * Whether an expression holds text written in place: a string or template literal anywhere in it, other than a
 * plain string passed to a function (`deadlineHints.TB504('report')` chooses words, it writes none).
 */
function writesText(node: ts.Node): boolean {
  if (ts.isTemplateExpression(node)) return true;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return !(ts.isCallExpression(node.parent) && node.parent.arguments.includes(node as ts.Expression));
  }
  return ts.forEachChild(node, (child) => (writesText(child) ? true : undefined)) ?? false;
}

/** `file:line` of every object literal in `text` that writes a finding by hand. */
export function handWrittenFindings(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const properties = new Map<string, ts.ObjectLiteralElementLike>();
      for (const property of node.properties) {
        const name = nameOf(property);
        if (name) properties.set(name, property);
      }
      const words = ['message', 'hint'].map((name) => properties.get(name)).filter((p) => p !== undefined);
      const findingLike =
        properties.has('code') || properties.has('severity') || node.properties.some(ts.isSpreadAssignment);
      const written = words.some((property) => ts.isPropertyAssignment(property) && writesText(property.initializer));
      if (findingLike && written) {
        found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('findings are written by their catalogue entry', () => {
  it('no file under src/ but the catalogue and finding() writes the message or hint of a finding', () => {
    const found = sources('src')
      .filter((path) => !path.startsWith(findingsFolder))
      .flatMap((path) => handWrittenFindings(path, readFileSync(join(root, path), 'utf8')));
    expect(found, 'raise it with finding(code, where, ...values), its words in the code’s catalogue entry').toEqual([]);
  }, 60_000);

  it('tells a finding written by hand from one raised through the catalogue, or text copied to print it', () => {
    const planted = [
      "const a = { severity: 'error', code: 'TB301', file, message: `${id} is missing`, hint: 'Add it.' };",
      "const b = { code: ok ? 'TB320' : 'TB321', file, message: describe(placeholder), hint: `Write ${what}.` };",
      "const c = { ...where, severity: 'warning', message: 'late', hint };",
      "const d = { ...diagnostic, hint: 'Record `remediated:`.' };",
      "const e = { code: deadline.code, hint: 'Review it.' };",
    ].join('\n');
    expect(handWrittenFindings('planted.ts', planted)).toEqual([
      'planted.ts:1',
      'planted.ts:2',
      'planted.ts:3',
      'planted.ts:4',
      'planted.ts:5',
    ]);
    const allowed = [
      "const f = finding('TB301', { file, line, subject }, criterion.id, label);",
      'const g = { severity: d.severity, code: d.code, file: d.file, message: d.message, hint: d.hint };',
      'const h = { code: d.code, message: d.message };',
      'const i = { file: recordFile, message: error.message, hint: error.hint };',
      "const k = { code: 'TB001', line, message: firstSentence(reason) };",
      "const l = { code: 'TB504', file, hint: deadlineHints.TB504('report') };",
      "const j = { line, column, message: `${what}: too deep`, hint: 'Simplify it.' };",
    ].join('\n');
    expect(handWrittenFindings('allowed.ts', allowed)).toEqual([]);
  });
});

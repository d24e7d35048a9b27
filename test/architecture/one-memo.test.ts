/**
 * "Computed once" lives in one visible place: src/engine/memo.ts declares every fact the engine remembers.
 * This test reads every engine module and fails on one that keeps a cache of its own: a `Map` or `WeakMap`
 * made at the top level of the module (outside any function) and written to later (`.set(`). Tables built
 * once from fixed data (`new Map(list.map(...))`, never written again) are not caches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { memo, memoText } from '../../src/engine/memo.ts';

const root = resolve(import.meta.dirname, '../..');

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The names of the module-level `Map`s and `WeakMap`s of a source that some code of it writes to. */
export function moduleCaches(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const maps = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (
        ts.isIdentifier(declaration.name) &&
        init &&
        ts.isNewExpression(init) &&
        ts.isIdentifier(init.expression) &&
        (init.expression.text === 'Map' || init.expression.text === 'WeakMap')
      ) {
        maps.add(declaration.name.text);
      }
    }
  }
  const written = new Set<string>();
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['set', 'clear', 'delete'].includes(node.expression.name.text) &&
      ts.isIdentifier(node.expression.expression) &&
      maps.has(node.expression.expression.text)
    ) {
      written.add(node.expression.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...written].map((name) => `${path}: ${name}`);
}

describe('one memo for the engine', () => {
  it('no engine module but memo.ts keeps a cache of its own at module level', () => {
    const found = sources('src/engine')
      .filter((path) => path !== 'src/engine/memo.ts')
      .flatMap((path) => moduleCaches(path, readFileSync(join(root, path), 'utf8')));
    expect(found, 'remember it with memo() or memoText() from src/engine/memo.ts, its key declared there').toEqual([]);
  }, 60_000);

  it('tells a module-level cache from a fixed table or a map made inside a function', () => {
    const planted = [
      'const cache = new WeakMap<object, number>();',
      'export function f(model: object) { cache.set(model, 1); }',
      'const table = new Map([["a", 1]]);',
      'export function g() { const local = new Map(); local.set("b", 2); return table.get("a"); }',
    ].join('\n');
    expect(moduleCaches('planted.ts', planted)).toEqual(['planted.ts: cache']);
  });

  it('remembers a fact per owner and key, and works it out again for another owner', () => {
    const model = {};
    let runs = 0;
    const count = () => ++runs;
    expect(memo(model, 'placeholders', count)).toBe(1);
    expect(memo(model, 'placeholders', count)).toBe(1);
    expect(memo(model, 'coverage', count)).toBe(2);
    expect(memo({}, 'placeholders', count)).toBe(3);
  });

  it('remembers an answer per text, and a full `keep` memo works later texts out each time', () => {
    let runs = 0;
    const count = () => ++runs;
    expect(memoText('criterion-suggestions', 'CC9.9-test', count)).toBe(1);
    expect(memoText('criterion-suggestions', 'CC9.9-test', count)).toBe(1);
    // Fill the memo to its bound of 1000; a text past it is worked out anew on every call.
    for (let index = 0; index < 1000; index++) memoText('criterion-suggestions', `fill-${index}`, () => index);
    const before = runs;
    memoText('criterion-suggestions', 'past-the-bound', count);
    memoText('criterion-suggestions', 'past-the-bound', count);
    expect(runs).toBe(before + 2);
  });
});

/**
 * The floors of the code, held against its imports: the engine (files -> model -> rules -> findings -> facts)
 * at the bottom, knowing nothing of what is built on it; the CLI at the top, reached only from `bin/`; and no
 * circle among the engine's files, so each of them can be read, tested and moved on its own. This test reads
 * the TypeScript and JavaScript under src/ and scripts/; pages, endpoints, components and layouts (src/routes,
 * src/components, src/layouts) have a test of their own, which holds them to the views.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** What the engine stands on: it imports from these folders of src/ only, never from a floor above it. */
const engineGround = ['engine', 'schema', 'catalog'];

/** Source files by their path from the repository root, with their text. */
type Sources = ReadonlyMap<string, string>;

/** What the pages' own test covers. */
const pageFolders = new Set(['src/routes', 'src/components', 'src/layouts']);

function read(folder: string): [string, string][] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) return pageFolders.has(path) ? [] : read(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [[path, readFileSync(join(root, path), 'utf8')] as [string, string]]
      : [];
  });
}

/** The files of this tree a source imports (static, type-only, re-exported or dynamic), from the root. */
function importsOf(path: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) =>
      relative(root, resolve(root, dirname(path), name))
        .split('\\')
        .join('/'),
    );
}

const floorOf = (path: string) => (path.startsWith('src/') ? path.split('/')[1] : undefined);

/** Every import that runs the wrong way, and every circle among the engine's files, in words. */
function layeringProblems(sources: Sources): string[] {
  const problems: string[] = [];
  const graph = new Map<string, string[]>();
  for (const [path, text] of sources) {
    const targets = importsOf(path, text);
    graph.set(path, targets);
    for (const target of targets) {
      const floor = floorOf(target);
      if (floorOf(path) === 'engine' && floor && !engineGround.includes(floor))
        problems.push(`${path} imports ${target}: the engine imports nothing from src/${floor}/`);
      if (floor === 'cli' && floorOf(path) !== 'cli')
        problems.push(`${path} imports ${target}: only bin/ and the CLI itself import src/cli/`);
    }
  }
  problems.push(...engineCircles(graph));
  return problems;
}

/** The circles among src/engine/ files (Tarjan's strongly connected components of more than one file). */
function engineCircles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const engine = [...graph.keys()].filter((path) => floorOf(path) === 'engine');
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[] = [];
  const visit = (path: string) => {
    index.set(path, index.size);
    low.set(path, index.get(path)!);
    stack.push(path);
    onStack.add(path);
    for (const next of graph.get(path) ?? []) {
      if (floorOf(next) !== 'engine' || !graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(path, Math.min(low.get(path)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(path, Math.min(low.get(path)!, index.get(next)!));
    }
    if (low.get(path) !== index.get(path)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== path);
    if (members.length > 1) circles.push(`the engine files ${members.sort().join(', ')} import each other in a circle`);
  };
  for (const path of engine) if (!index.has(path)) visit(path);
  return circles;
}

describe('the layering of the code', () => {
  it('holds: the engine imports no upper floor, only bin/ reaches the CLI, no circle in the engine', () => {
    const sources = new Map([...read('src'), ...read('scripts')]);
    expect(sources.size).toBeGreaterThan(100);
    expect(layeringProblems(sources)).toEqual([]);
  });

  describe('is broken by', () => {
    const fixture = (extra: Record<string, string> = {}): Sources =>
      new Map(
        Object.entries({
          'src/engine/check.ts': "import { programFacts } from './program-facts.ts';\n",
          'src/engine/program-facts.ts': "import type { Diagnostic } from './diagnostics.ts';\n",
          'src/engine/diagnostics.ts': 'export const codes = {};\n',
          'src/site/views.ts': "import { runChecks } from '../engine/check.ts';\n",
          'src/cli/main.ts': "const run = () => import('./commands/check.ts');\n",
          'src/cli/commands/check.ts': "import { formatPretty } from '../../report/findings-text.ts';\n",
          'src/report/findings-text.ts': "import type { CheckResult } from '../engine/index.ts';\n",
          ...extra,
        }),
      );

    it('nothing in a tree that keeps to the floors', () => {
      expect(layeringProblems(fixture())).toEqual([]);
    });

    it('an engine file importing a view, an export, or a type from the CLI', () => {
      expect(
        layeringProblems(
          fixture({
            'src/engine/todo.ts': "import { auditorView } from '../site/views.ts';\n",
            'src/engine/rules/brand.ts': "import type { Style } from '../../report/findings-text.ts';\n",
          }),
        ),
      ).toEqual([
        'src/engine/todo.ts imports src/site/views.ts: the engine imports nothing from src/site/',
        'src/engine/rules/brand.ts imports src/report/findings-text.ts: the engine imports nothing from src/report/',
      ]);
    });

    it('the integration importing from the CLI', () => {
      expect(
        layeringProblems(fixture({ 'src/integration/index.ts': "import { formatPretty } from '../cli/format.ts';\n" })),
      ).toEqual(['src/integration/index.ts imports src/cli/format.ts: only bin/ and the CLI itself import src/cli/']);
    });

    it('two engine files importing each other, even for a type', () => {
      expect(
        layeringProblems(
          fixture({
            'src/engine/program-facts.ts': "import type { CheckResult } from './check.ts';\n",
          }),
        ),
      ).toEqual(['the engine files src/engine/check.ts, src/engine/program-facts.ts import each other in a circle']);
    });
  });
});

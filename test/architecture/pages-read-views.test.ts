/**
 * Pages read views. No file under src/routes, src/components or src/layouts imports a value from the engine,
 * the exports, the fieldwork, the report or the CLI: what a page may show is decided in src/site/ (the views,
 * the route data on `Astro.locals.trustbook`), so a page cannot reach past its audience's view. Types may be
 * imported from those floors; they vanish from the build. Document types may not: a page that names the model's
 * `Document` or a schema's data type (`ControlData`, `PolicyData`) is about to take a whole document and decide
 * for itself what its audience sees, where the views hand it a projection (`SiteControl`, `SitePolicy`).
 * test/architecture/views-hold-projections.test.ts holds the other side: no view hands pages a document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** The floors a page may not take a value from. */
const below = ['engine', 'export', 'fieldwork', 'report', 'cli'].map((folder) => join(src, folder));
/** The modules whose types are documents, or a document kind's fields: a page names none of them. */
const documentTypes = [join(src, 'engine/model.ts'), join(src, 'schema')];
/** The presentation files the rule applies to. */
const presentation = ['routes', 'components', 'layouts'].map((folder) => join(src, folder));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(folder, entry.name))
      : /\.(ts|astro)$/.test(entry.name)
        ? [join(folder, entry.name)]
        : [],
  );
}

/** An Astro component's code: its frontmatter and its scripts. A TypeScript file is all code. */
function codeOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  return [...text.matchAll(/^---\n([\s\S]*?)\n---|<script[^>]*>([\s\S]*?)<\/script>/gm)]
    .map((match) => match[1] ?? match[2])
    .join('\n');
}

/** Whether an import or re-export brings in a value (anything but `import type`, `{ type A }` and the like). */
function bringsValue(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return false;
    const clause = node.exportClause;
    return !(clause && ts.isNamedExports(clause) && clause.elements.every((element) => element.isTypeOnly));
  }
  const clause = node.importClause;
  if (!clause) return true; // `import './module.ts'` runs the module
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return false;
  if (clause.name) return true;
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  if (ts.isNamespaceImport(bindings)) return true;
  return bindings.elements.some((element) => !element.isTypeOnly);
}

/** The specifiers a file imports from: values only, or types too (`import type`, `{ type A }`). */
function valueSpecifiers(file: string, text: string, typesToo = false): string[] {
  const source = ts.createSourceFile(file, codeOf(file, text), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier) && (typesToo || bringsValue(node))) {
        found.push(node.moduleSpecifier.text);
      }
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The imports of `file` (given its text) that take a value from below the views: `file: specifier` each. */
function valueImportsFromBelow(file: string, text: string): string[] {
  return valueSpecifiers(file, text)
    .filter((specifier) => specifier.startsWith('.'))
    .filter((specifier) => {
      const target = resolve(dirname(file), specifier);
      return below.some((folder) => target === folder || target.startsWith(`${folder}/`));
    })
    .map((specifier) => `${relative(root, file)}: ${specifier}`);
}

/** The imports of `file` (given its text) that name a document type, value or type alike: `file: specifier` each. */
function documentTypeImports(file: string, text: string): string[] {
  return valueSpecifiers(file, text, true)
    .filter((specifier) => specifier.startsWith('.'))
    .filter((specifier) => {
      const target = resolve(dirname(file), specifier);
      return documentTypes.some((place) => target === place || target.startsWith(`${place}/`));
    })
    .map((specifier) => `${relative(root, file)}: ${specifier}`);
}

describe('pages read views', () => {
  it('no route, component or layout imports a value from the engine, exports, fieldwork, report or CLI', () => {
    const files = presentation.flatMap(sources);
    expect(files.length).toBeGreaterThan(60);
    const offending = files.flatMap((file) => valueImportsFromBelow(file, readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });

  it('no route, component or layout names a document type: the model’s documents or a schema’s fields', () => {
    const files = presentation.flatMap(sources);
    const offending = files.flatMap((file) => documentTypeImports(file, readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });

  describe('the check itself', () => {
    const page = join(src, 'routes/auditors/example.astro');
    const endpoint = join(src, 'routes/public/example.json.ts');
    const astro = (frontmatter: string) => `---\n${frontmatter}\n---\n\n<p>Example</p>\n`;

    it('catches a value imported in a page’s frontmatter', () => {
      expect(valueImportsFromBelow(page, astro("import { workpaper } from '../../fieldwork/workpaper.ts';"))).toEqual([
        'src/routes/auditors/example.astro: ../../fieldwork/workpaper.ts',
      ]);
    });

    it('catches a value imported in a page’s script, an endpoint, a re-export and a dynamic import', () => {
      const script = `${astro('')}<script>\n  import { codes } from '../../engine/diagnostics.ts';\n</script>\n`;
      expect(valueImportsFromBelow(page, script)).toHaveLength(1);
      expect(valueImportsFromBelow(endpoint, "import { exporters } from '../../export/index.ts';")).toHaveLength(1);
      expect(valueImportsFromBelow(endpoint, "export { runCheck } from '../../cli/commands/check.ts';")).toHaveLength(
        1,
      );
      expect(valueImportsFromBelow(endpoint, "const m = await import('../../report/readiness.ts');")).toHaveLength(1);
      expect(valueImportsFromBelow(endpoint, "import '../../engine/index.ts';")).toHaveLength(1);
      expect(valueImportsFromBelow(endpoint, "import * as engine from '../../engine/index.ts';")).toHaveLength(1);
    });

    it('catches a value named beside types in one import', () => {
      const text = astro("import { type Diagnostic, codes } from '../../engine/diagnostics.ts';");
      expect(valueImportsFromBelow(page, text)).toHaveLength(1);
    });

    it('lets types through, and values from the views’ side', () => {
      const text = astro(
        [
          "import type { Diagnostic } from '../../engine/diagnostics.ts';",
          "import { type Workpaper } from '../../fieldwork/workpaper.ts';",
          "export type { RequestStatus } from '../../export/requests.ts';",
          "import { routeOn } from '../../site/route-data.ts';",
          "import { categoryLabels } from '../../catalog/index.ts';",
          "import Badge from '../../components/Badge.astro';",
        ].join('\n'),
      );
      expect(valueImportsFromBelow(page, text)).toEqual([]);
    });

    it('catches a document type, imported as a type, from the model or a schema', () => {
      const component = join(src, 'components/ControlCard.astro');
      expect(
        documentTypeImports(
          component,
          astro(
            [
              "import type { Document } from '../engine/model.ts';",
              "import type { ControlData } from '../schema/index.ts';",
              "import { type PolicyData } from '../schema/policy.ts';",
            ].join('\n'),
          ),
        ),
      ).toEqual([
        'src/components/ControlCard.astro: ../engine/model.ts',
        'src/components/ControlCard.astro: ../schema/index.ts',
        'src/components/ControlCard.astro: ../schema/policy.ts',
      ]);
    });

    it('lets projections and the engine’s other types through', () => {
      const text = astro(
        [
          "import type { SiteControl } from '../../site/views/auditor.ts';",
          "import type { SitePolicy } from '../../site/views.ts';",
          "import type { TimelineCell } from '../../engine/evidence-timeline.ts';",
          "import type { DocumentKind } from '../../engine/document-kinds.ts';",
        ].join('\n'),
      );
      expect(documentTypeImports(page, text)).toEqual([]);
    });
  });
});

/**
 * Every package the code imports is one the package declares. A package that arrives only as a dependency of a
 * dependency works until that dependency drops it, and then a user's install breaks with nothing in our diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const declared = (...fields: string[]) => new Set(fields.flatMap((field) => Object.keys(manifest[field] ?? {})));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(folder, entry.name))
      : /\.(ts|mjs|js|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts')
        ? [join(folder, entry.name)]
        : [],
  );
}

/**
 * The npm packages a file imports (`@scope/name` or `name`), read by TypeScript's own import scanner; of an Astro
 * component, its frontmatter and scripts.
 */
function packagesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const code = file.endsWith('.astro')
    ? [...text.matchAll(/^---\n([\s\S]*?)\n---|<script[^>]*>([\s\S]*?)<\/script>/gm)]
        .map((m) => m[1] ?? m[2])
        .join('\n')
    : text;
  const { importedFiles } = ts.preProcessFile(code, true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => !/^(\.|\/|node:|astro:|virtual:)/.test(name) && !builtinModules.includes(name))
    .map((name) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

function undeclared(folders: string[], allowed: Set<string>): string[] {
  const self = manifest.name as unknown as string;
  return folders
    .flatMap((folder) => sources(join(root, folder)))
    .flatMap((file) =>
      packagesOf(file)
        .filter((name) => name !== self && !allowed.has(name))
        .map((name) => `${relative(root, file)} imports ${name}`),
    );
}

describe('imported packages', () => {
  it('in what the package ships are dependencies, optional or peer dependencies', () => {
    expect(undeclared(['src', 'bin'], declared('dependencies', 'optionalDependencies', 'peerDependencies'))).toEqual(
      [],
    );
  });

  it('in the tests and scripts are declared too, as dependencies of either kind', () => {
    const all = declared('dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies');
    expect(undeclared(['test', 'scripts'], all)).toEqual([]);
  });
});

/** Reads templates from the package and writes new documents, never overwriting a file that exists. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { UsageError } from '../engine/errors.ts';
import type { PackageFacts } from './repository-files.ts';

/** The templates folder shipped with Trustbook (beside src/ and lib/, two levels above this module). */
export const templatesRoot = join(import.meta.dirname, '../../templates');

/** What a new program repository depends on, from the running package's own package.json. */
export function ownPackageFacts(): PackageFacts {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
    peerDependencies: { astro: string };
    optionalDependencies?: Record<string, string>;
  };
  return {
    version: manifest.version,
    astro: manifest.peerDependencies.astro,
    node: manifest.optionalDependencies ?? {},
  };
}

export function readTemplate(path: string): string {
  return readFileSync(join(templatesRoot, path), 'utf8');
}

export function listTemplates(folder: string): string[] {
  return readdirSync(join(templatesRoot, folder))
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/**
 * Writes every file, or none: all paths are checked first, so a clash leaves the folder as it was.
 * Returns the paths written, relative to `root`.
 */
export function writeNewFiles(root: string, files: ReadonlyMap<string, string>): string[] {
  const clashes = [...files.keys()].filter((path) => existsSync(join(root, path)));
  if (clashes.length > 0) {
    throw new UsageError(
      `${clashes.length === 1 ? 'a file exists' : 'files exist'} already: ${clashes.slice(0, 5).join(', ')}${clashes.length > 5 ? '…' : ''}`,
      'Nothing was written. Choose another id or folder, or move the existing file away first.',
    );
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, { flag: 'wx' });
  }
  return [...files.keys()].map((path) => relative(root, join(root, path)));
}

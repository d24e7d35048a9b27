/**
 * The hand-over from the integration to the pages: the routing module (for the middleware and `getStaticPaths`)
 * and the content loader import the program's data as `virtual:trustbook/data`, which the integration resolves
 * to the one instance it filled. A relative import of the data module would be bundled as a second, empty copy,
 * and that page would fail or fall back to reading every file again. Pages themselves read `Astro.locals`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_DATA_SPECIFIER } from '../../src/site/data.ts';

const src = resolve(import.meta.dirname, '../../src');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(folder, entry.name))
      : /\.(ts|astro)$/.test(entry.name)
        ? [join(folder, entry.name)]
        : [],
  );
}

describe('the hand-over from the integration to the pages', () => {
  it('is imported by value, relatively, only by the integration that fills it', () => {
    const relativeImports = sources(src)
      .filter((file) => /import \{[^}]*\} from '(\.\.?\/)+(site\/)?data\.ts'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(relativeImports).toEqual(['integration/index.ts']);
  });

  it('is read by its specifier in two places only: the routing pages go through, and the content loader', () => {
    // data.ts names its own specifier; the other two import it.
    const bySpecifier = sources(src)
      .filter((file) => readFileSync(file, 'utf8').includes(`'${SITE_DATA_SPECIFIER}'`))
      .map((file) => relative(src, file))
      .sort();
    expect(bySpecifier).toEqual(['site/content-loader.ts', 'site/data.ts', 'site/routing.ts']);
  });
});

/**
 * The files that make a folder a program repository of its own, with Trustbook installed from npm: package.json
 * (depending on trustbook, Astro and the pinned Node runtime, with the scripts), astro.config.mjs,
 * src/content.config.ts, tsconfig.json, .gitignore, .npmrc, README.md, the compliance workflow and a placeholder logo.
 * Nothing here touches the disk.
 */
import { fillPlaceholders, type Placeholders } from './render.ts';

/** What the new repository depends on, taken from the running package's own package.json. */
export interface PackageFacts {
  version: string;
  /** The Astro version range Trustbook is built for (its peer dependency). */
  astro: string;
  /** The pinned Node runtime packages, by name and version. */
  node: Record<string, string>;
}

export interface RepositoryOptions {
  /** The folder's name, used as the package name. */
  name: string;
  /** How package.json names Trustbook: a version range, or `file:vendor/trustbook-x.y.z.tgz`. */
  trustbook: string;
  facts: PackageFacts;
  values: Placeholders;
  readTemplate: (path: string) => string;
}

/** The npm scripts of a program repository: the same commands as in Trustbook's own repository. */
export const programScripts: Record<string, string> = {
  dev: 'astro dev',
  build: 'astro build',
  preview: 'trustbook preview',
  check: 'trustbook check',
  todo: 'trustbook todo',
  report: 'trustbook report',
  export: 'trustbook export',
  pdf: 'trustbook pdf',
  sample: 'trustbook sample',
  audit: 'trustbook audit',
};

/** A package name from a folder name: lower case, with anything npm does not allow turned into hyphens. */
export function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '');
  return name || 'trust-program';
}

export function repositoryFiles(options: RepositoryOptions): Map<string, string> {
  const template = (path: string) =>
    fillPlaceholders(options.readTemplate(`repository/${path}`), options.values, `repository/${path}`);
  const manifest = {
    name: packageName(options.name),
    version: '0.0.0',
    private: true,
    type: 'module',
    scripts: programScripts,
    dependencies: { astro: options.facts.astro, trustbook: options.trustbook },
    optionalDependencies: options.facts.node,
  };
  return new Map([
    ['package.json', `${JSON.stringify(manifest, null, 2)}\n`],
    ['astro.config.mjs', template('astro.config.mjs')],
    ['src/content.config.ts', template('content.config.ts')],
    ['tsconfig.json', template('tsconfig.json')],
    // npm leaves files named .gitignore (and .npmrc) out of a package, so the templates have no dot.
    ['.gitignore', template('gitignore')],
    ['.npmrc', template('npmrc')],
    ['README.md', template('README.md')],
    ['.github/workflows/compliance.yml', template('compliance.yml')],
    ['public/logo.svg', template('logo.svg')],
  ]);
}

/**
 * Turns the one Astro build into three sites: each audience's pages move to a folder of their own with the
 * assets they use, get their own search index and leak scan, and only when all three pass do they replace
 * `dist/`, in one rename. A failed build leaves the last good `dist/` as it was.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { secureExternalLinks } from './external-links.ts';
import { headersFile } from '../site/security-headers.ts';
import { sites } from '../site/sites.ts';

export interface PublishPaths {
  /** Where Astro wrote the combined build. */
  astroOut: string;
  /** Scratch folder for the three sites being assembled. */
  staging: string;
  /** The published folder: `dist/`. */
  dist: string;
  /** The program's folder, where the trust documents' files are. */
  root: string;
}

export function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Old folders whose background deletion never finished (the machine stopped, say). Recent ones are left to
 * the process still deleting them.
 */
function removeLeftovers(staging: string): void {
  const parent = dirname(staging);
  const prefix = `${basename(staging)}${trashSuffix}`;
  if (!existsSync(parent)) return;
  const stale = Date.now() - 10 * 60_000;
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    if (name.startsWith(prefix) && statSync(path).mtimeMs < stale) rmSync(path, { recursive: true, force: true });
  }
}

const textFile = /\.(html|xml|json|js|mjs|css|txt|ics|svg|webmanifest)$/;

const trashSuffix = '-old-';
// From src/integration/ or the compiled lib/integration/ alike: the icon ships in the package's src/.
const defaultIcon = fileURLToPath(new URL('../../src/site/favicon.svg', import.meta.url));

/**
 * Moves each audience's pages into `staging/<site>/` with the shared files they reference. Each page is read
 * once: its external links are secured and the `_astro/` files it names are noted from the same text.
 */
export function splitSites(paths: PublishPaths, formAction?: string): void {
  rmSync(paths.staging, { recursive: true, force: true });
  removeLeftovers(paths.staging);
  const shared = readdirSync(paths.astroOut).filter((name) => !(sites as readonly string[]).includes(name));
  for (const site of sites) {
    const target = join(paths.staging, site);
    mkdirSync(dirname(target), { recursive: true });
    const source = join(paths.astroOut, site);
    if (existsSync(source)) renameSync(source, target);
    else mkdirSync(target, { recursive: true });
    const referenced = new Set<string>();
    for (const file of listFiles(target).filter((name) => textFile.test(name))) {
      const text = secureLinksIn(file, readFileSync(file, 'utf8'));
      noteAssets(paths.astroOut, text, referenced);
    }
    // The project's public/ files are copied as they are, but for the links of their HTML pages.
    for (const file of copyReferencedAssets(paths.astroOut, target, referenced, shared)) {
      if (file.endsWith('.html')) secureLinksIn(file, readFileSync(file, 'utf8'));
    }
    writeFileSync(
      join(target, '_headers'),
      headersFile({
        private: site !== 'public',
        formAction: site === 'public' ? formAction : undefined,
        files: listFiles(target).map((file) => `/${relative(target, file).split(sep).join('/')}`),
      }),
    );
    // The icon comes with Trustbook; a project's own public/favicon.svg, copied above, takes precedence.
    if (!existsSync(join(target, 'favicon.svg'))) cpSync(defaultIcon, join(target, 'favicon.svg'));
  }
}

/**
 * Adds to `referenced` each `_astro/` file `text` names that the build wrote, and, for a stylesheet or script
 * among them, the files it names in turn.
 */
function noteAssets(astroOut: string, text: string, referenced: Set<string>): void {
  for (const match of text.matchAll(/_astro\/[\w.@~-]+/g)) {
    const asset = match[0];
    if (referenced.has(asset) || !existsSync(join(astroOut, asset))) continue;
    referenced.add(asset);
    if (textFile.test(asset)) noteAssets(astroOut, readFileSync(join(astroOut, asset), 'utf8'), referenced);
  }
}

/** An HTML page's text with its external links secured (written back when that changed it); other text as it is. */
function secureLinksIn(file: string, text: string): string {
  if (!file.endsWith('.html')) return text;
  const secured = secureExternalLinks(text);
  if (secured !== text) writeFileSync(file, secured);
  return secured;
}

/**
 * Copies the `_astro/` files a site's pages reference, and the project's `public/` files, into the site;
 * returns the paths of the public files copied.
 */
function copyReferencedAssets(astroOut: string, siteDir: string, referenced: Set<string>, shared: string[]): string[] {
  for (const asset of referenced) cpSync(join(astroOut, asset), join(siteDir, asset));
  const copied: string[] = [];
  for (const name of shared) {
    if (name === '_astro') continue;
    const path = join(siteDir, name);
    cpSync(join(astroOut, name), path, { recursive: true });
    copied.push(...(statSync(path).isDirectory() ? listFiles(path) : [path]));
  }
  return copied;
}

/**
 * Replaces `dist/` with the staged sites in one rename, keeping the old one until the new one is in place.
 * The old one is deleted by a detached process: thousands of files take a while, and the build is done.
 */
export function swapIntoPlace(paths: PublishPaths): void {
  const trash = `${paths.staging}${trashSuffix}${process.pid}-${Date.now()}`;
  if (existsSync(paths.dist)) renameSync(paths.dist, `${trash}-dist`);
  renameSync(paths.staging, paths.dist);
  // Moved aside first, so the next build can reuse the name while the old files are still being deleted.
  if (existsSync(paths.astroOut)) renameSync(paths.astroOut, `${trash}-astro`);
  for (const folder of [`${trash}-dist`, `${trash}-astro`]) {
    if (!existsSync(folder)) continue;
    const remover = spawn(
      process.execPath,
      ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    remover.unref();
  }
}

export function folderSize(folder: string): number {
  return listFiles(folder).reduce((total, file) => total + statSync(file).size, 0);
}

/**
 * Remembers which MDX bodies are known to parse, by a hash of their text, in `.trustbook/cache/` under the
 * program root, so that a repeat check parses only the bodies that changed. Best effort throughout: a cache
 * that cannot be read, is corrupt, or cannot be written (a read-only checkout) is no cache, never a finding.
 */
import { hash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BODY_SYNTAX_RULES } from './body-syntax.ts';

/** Relative to the program root; `.trustbook/` is git-ignored. */
export const BODY_CACHE_FILE = '.trustbook/cache/mdx-bodies.json';

/** A cache larger than this is not ours (about 400,000 bodies): it is ignored rather than read. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * The key of a body: its SHA-256, in base64 to keep the cache small. The one-shot `hash` is about three
 * times faster than `createHash` on bodies of a few kilobytes, and its cost (a few milliseconds for a
 * thousand bodies) is small next to parsing them, so a weaker hash would buy nothing.
 */
export function bodyKey(body: string): string {
  return hash('sha256', body, 'base64');
}

/**
 * What a verdict depends on besides the body: the parser's version and the way it is called. A cache made
 * under anything else is thrown away. Undefined when the parser's version cannot be found: then nothing is
 * cached, rather than trusting verdicts of a parser that may have changed.
 */
export function bodyCacheVersion(): string | undefined {
  try {
    // Resolving does not load the parser: a fully cached check never loads it.
    let folder = dirname(createRequire(import.meta.url).resolve('satteri'));
    for (let depth = 0; depth < 4; depth++, folder = dirname(folder)) {
      let manifest: { name?: unknown; version?: unknown };
      try {
        manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as typeof manifest;
      } catch {
        continue;
      }
      if (manifest.name === 'satteri' && typeof manifest.version === 'string') {
        return `satteri ${manifest.version}; ${BODY_SYNTAX_RULES}`;
      }
    }
  } catch {
    // Not resolvable: no cache.
  }
  return undefined;
}

interface CacheFile {
  version: string;
  clean: string[];
}

/** The keys of bodies known to parse under `version`; empty when there is no usable cache. */
export function readCleanBodies(root: string, version: string): Set<string> {
  const path = join(root, BODY_CACHE_FILE);
  try {
    // Only a regular file of a sane size: a named pipe would block the read forever.
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return new Set();
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile> | null;
    if (data?.version !== version || !Array.isArray(data.clean)) return new Set();
    return new Set(data.clean.filter((key): key is string => typeof key === 'string'));
  } catch {
    return new Set();
  }
}

/**
 * Replaces the cache with `clean`, atomically: written to a temporary file beside it and renamed over it, so a
 * reader sees the old cache or the new one, never half of one. Failures are ignored.
 */
export function writeCleanBodies(root: string, version: string, clean: ReadonlySet<string>): void {
  const path = join(root, BODY_CACHE_FILE);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const data: CacheFile = { version, clean: [...clean].sort() };
    writeFileSync(temporary, `${JSON.stringify(data)}\n`);
    renameSync(temporary, path);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written, or the folder cannot be changed: nothing to clean up.
    }
  }
}

/**
 * The leak scan's byte scan of the trust center: no file of it (nor of an archive in it) may hold any part of
 * a document under NDA in clear, nor the grant secret or a key derived from it in any encoding
 * (`secret-needles.ts`). The pages' word scan cannot see inside a PDF, so this one compares bytes: runs of each NDA document,
 * taken at a fixed stride, are looked for in every public file with a rolling hash (one pass per file). A
 * run that also occurs in a public trust document is common PDF furniture, not the document, and is skipped,
 * as is a run of few distinct bytes (padding, whitespace).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../engine/index.ts';
import type { Leak } from './leak-scan.ts';
import { outputFiles } from './leak-scan-fs.ts';
import { secretEncodings, type SecretValue } from './secret-needles.ts';

/** Bytes in a run; a copy of at least RUN + STRIDE - 1 bytes of a document always contains a whole run. */
const RUN = 32;
const STRIDE = 256;
const MIN_DISTINCT = 12;

export interface RestrictedRuns {
  /** Run hash -> the runs with it, the document or secret each comes from, and what a hit says. */
  byHash: Map<number, { run: Buffer; source: string; text: string }[]>;
}

/** The runs of every trust document under NDA kept in the repository, and of the secret values given. */
export function restrictedRuns(
  result: CheckResult,
  root: string,
  secrets: readonly SecretValue[] = [],
): RestrictedRuns {
  const byHash = new Map<number, { run: Buffer; source: string; text: string }[]>();
  const add = (run: Buffer, source: string, text: string) => {
    const hash = hashOf(run, 0);
    const list = byHash.get(hash) ?? [];
    list.push({ run: Buffer.from(run), source, text });
    byHash.set(hash, list);
  };
  const read = (file: string) => {
    try {
      return readFileSync(join(root, file));
    } catch {
      return undefined; // A missing file is TB532's to report; it cannot leak.
    }
  };
  const documents = result.model.trustDocuments.filter((document) => document.data.file !== undefined);
  const published = documents
    .filter((document) => document.data.access === 'public')
    .flatMap((document) => read(document.data.file!) ?? []);
  for (const document of documents) {
    if (document.data.access !== 'nda') continue;
    const bytes = read(document.data.file!);
    if (!bytes) continue;
    for (let start = 0; start + RUN <= bytes.length; start += STRIDE) {
      const run = bytes.subarray(start, start + RUN);
      if (new Set(run).size < MIN_DISTINCT || published.some((file) => file.includes(run))) continue;
      add(run, document.file, `${RUN} bytes of the document`);
    }
  }
  // A whole copy of a secret holds its first and its last run; the message names it, never quotes it.
  for (const { bytes, label } of secrets.flatMap(secretEncodings)) {
    if (bytes.length < RUN) continue;
    add(bytes.subarray(0, RUN), label, `${label} (not quoted)`);
    add(bytes.subarray(bytes.length - RUN), label, `${label} (not quoted)`);
  }
  return { byHash };
}

/**
 * Files of the site, or of archives in it, holding a run of a document under NDA or of a secret: at most a
 * few, for a readable message. Archives the scan cannot open are the word scan's to refuse.
 */
export function scanRestricted(siteDir: string, runs: RestrictedRuns): Leak[] {
  if (runs.byHash.size === 0) return [];
  const found: Leak[] = [];
  for (const entry of outputFiles(siteDir)) {
    if ('refused' in entry) continue;
    const hit = findRun(entry.bytes, runs);
    if (hit) found.push({ file: entry.file, text: hit.text, source: hit.source });
    if (found.length >= 5) break;
  }
  return found;
}

/** Base of the polynomial hash, and its power for the byte leaving the window. */
const BASE = 0x01000193;
const OUT = power(BASE, RUN - 1);

function power(base: number, exponent: number): number {
  let value = 1;
  for (let index = 0; index < exponent; index++) value = Math.imul(value, base);
  return value;
}

function hashOf(bytes: Uint8Array, start: number): number {
  let hash = 0;
  for (let index = start; index < start + RUN; index++) hash = (Math.imul(hash, BASE) + bytes[index]!) | 0;
  return hash;
}

function findRun(bytes: Uint8Array, runs: RestrictedRuns): { source: string; text: string } | undefined {
  if (bytes.length < RUN) return undefined;
  let hash = hashOf(bytes, 0);
  for (let start = 0; ; start++) {
    const candidates = runs.byHash.get(hash);
    if (candidates) {
      const window = bytes.subarray(start, start + RUN);
      const match = candidates.find((candidate) => candidate.run.equals(window));
      if (match) return match;
    }
    if (start + RUN >= bytes.length) return undefined;
    hash = (Math.imul(hash - Math.imul(bytes[start]!, OUT), BASE) + bytes[start + RUN]!) | 0;
  }
}

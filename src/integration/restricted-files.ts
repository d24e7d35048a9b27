/**
 * The leak scan's check for documents under NDA: no file of the trust center may hold any part of one in
 * clear. The pages' word scan cannot see inside a PDF, so this one compares bytes: runs of each NDA document,
 * taken at a fixed stride, are looked for in every public file with a rolling hash (one pass per file). A
 * run that also occurs in a public trust document is common PDF furniture, not the document, and is skipped,
 * as is a run of few distinct bytes (padding, whitespace).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CheckResult } from '../engine/index.ts';
import type { Leak } from './leak-scan.ts';
import { listFiles } from './publish-fs.ts';

/** Bytes in a run; a copy of at least RUN + STRIDE - 1 bytes of a document always contains a whole run. */
const RUN = 32;
const STRIDE = 256;
const MIN_DISTINCT = 12;

export interface RestrictedRuns {
  /** Run hash -> the runs with it, and the document each comes from. */
  byHash: Map<number, { run: Buffer; source: string }[]>;
}

/** The runs of every trust document under NDA kept in the repository. */
export function restrictedRuns(result: CheckResult, root: string): RestrictedRuns {
  const byHash = new Map<number, { run: Buffer; source: string }[]>();
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
      const hash = hashOf(run, 0);
      const list = byHash.get(hash) ?? [];
      list.push({ run: Buffer.from(run), source: document.file });
      byHash.set(hash, list);
    }
  }
  return { byHash };
}

/** Files of the site holding a run of a document under NDA: at most a few, for a readable message. */
export function scanRestricted(siteDir: string, runs: RestrictedRuns): Leak[] {
  if (runs.byHash.size === 0) return [];
  const found: Leak[] = [];
  for (const file of listFiles(siteDir)) {
    const bytes = readFileSync(file);
    const hit = findRun(bytes, runs);
    if (hit) found.push({ file: relative(siteDir, file), text: `${RUN} bytes of the document`, source: hit });
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

function findRun(bytes: Buffer, runs: RestrictedRuns): string | undefined {
  if (bytes.length < RUN) return undefined;
  let hash = hashOf(bytes, 0);
  for (let start = 0; ; start++) {
    const candidates = runs.byHash.get(hash);
    if (candidates) {
      const window = bytes.subarray(start, start + RUN);
      const match = candidates.find((candidate) => candidate.run.equals(window));
      if (match) return match.source;
    }
    if (start + RUN >= bytes.length) return undefined;
    hash = (Math.imul(hash - Math.imul(bytes[start]!, OUT), BASE) + bytes[start + RUN]!) | 0;
  }
}

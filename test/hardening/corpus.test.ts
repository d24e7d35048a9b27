import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../src/engine/index.ts';
import { corpus as cases, type CorpusCase, type Kind } from './corpus.ts';
import { falseGreens } from './false-greens.ts';
import { frameworkFalseGreens } from './false-greens-frameworks.ts';
import { recordFalseGreens } from './false-greens-records.ts';

const corpus = [...falseGreens, ...recordFalseGreens, ...frameworkFalseGreens, ...cases];

// The largest cases take two seconds alone and several times that beside other test files on two cores: the time
// a case may take is held by `npm run bench:corpus`, not by vitest's default five seconds.
vi.setConfig({ testTimeout: 60_000 });
import { checkInMemory, checkOnDisk, expectWellFormed, summarize, timed, withTempProgram } from './harness.ts';

function canMake(what: 'symlinks' | 'fifo'): boolean {
  const root = mkdtempSync(join(tmpdir(), 'trustbook-capability-'));
  try {
    if (what === 'symlinks') {
      writeFileSync(join(root, 'target'), '');
      symlinkSync(join(root, 'target'), join(root, 'link'));
    } else {
      execFileSync('mkfifo', [join(root, 'pipe')], { stdio: 'ignore' });
    }
    return true;
  } catch {
    return false;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const capabilities = { symlinks: canMake('symlinks'), fifo: canMake('fifo') };

function runCase(testCase: CorpusCase): CheckResult {
  const files = testCase.files();
  if (!testCase.disk) return checkInMemory(files, testCase.options);
  const setup = testCase.disk === true ? undefined : testCase.disk;
  return withTempProgram(files, setup, (root) => checkOnDisk(root, testCase.options));
}

describe('bad-input corpus', () => {
  it('has 60 or more cases, each with a unique name', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((testCase) => testCase.name)).size).toBe(corpus.length);
  });

  const kinds = [...new Set(corpus.map((testCase) => testCase.kind))] as Kind[];
  for (const kind of kinds) {
    describe(kind, () => {
      for (const testCase of corpus.filter((entry) => entry.kind === kind)) {
        const skip = testCase.needs !== undefined && !capabilities[testCase.needs];
        it.skipIf(skip)(testCase.name, () => {
          const run = timed(() => runCase(testCase));
          expect(run.error, 'no exception escapes').toBeUndefined();
          const result = run.value!;
          expectWellFormed(result.diagnostics);
          if (testCase.expect === 'clean') {
            expect(summarize(result.diagnostics)).toEqual([]);
            expect(result.summary.errors).toBe(0);
            return;
          }
          const { code, file, line, message } = testCase.expect;
          expect(result.summary.errors).toBeGreaterThan(0);
          expect(summarize(result.diagnostics)).toContainEqual(['error', code, file, line]);
          if (message) {
            const matching = result.diagnostics.filter(
              (d) => d.code === code && d.file === file && (d.line ?? null) === line,
            );
            expect(
              matching.map((d) => d.message).some((text) => message.test(text)),
              `a message matching ${message}`,
            ).toBe(true);
          }
        });
      }
    });
  }
});

/**
 * The unit tests share each worker's loaded modules (`isolate: false` in vitest.config.ts), so a file that
 * replaces a module with `vi.mock` would replace it for the files after it in the same worker. Every such file
 * runs in the `unit-mocks` project instead: this test reads every unit test file and fails on one that mocks a
 * module and is not in that project's list, or on a listed file that mocks nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mockingModules } from '../../vitest.config.ts';

const root = resolve(import.meta.dirname, '../..');
/** The folders of the other projects: their files are isolated, each in its own project. */
const otherProjects = ['test/e2e', 'test/build', 'test/package', 'test/pages', 'test/standards'];

function testFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) return otherProjects.includes(path) ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const mocksAModule = (path: string) => /\bvi\.(mock|doMock)\(/.test(readFileSync(join(root, path), 'utf8'));

describe('the unit test projects', () => {
  it('run every file that mocks a module in a project of its own, where modules load afresh', () => {
    const mocking = testFiles('test').filter(mocksAModule);
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.sort()).toEqual([...mockingModules].sort());
  });
});

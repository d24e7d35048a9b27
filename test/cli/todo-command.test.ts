import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('trustbook todo', () => {
  it('does not leave it at "every step is done" while an error outside the steps fails the check', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-todo-'));
    writeProgram(root, { ...validProgram(), 'content/answers/broken.yaml': 'questions: [unclosed\n' });
    const todo = await runCli(root, ['todo']);
    expect((await runCli(root, ['check'])).code).toBe(1);
    expect(todo.stdout).toMatch(/1 error outside these steps \(.*\): `trustbook check` lists it\.$/);
  });

  it('adds nothing when no error lies outside the steps', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-todo-'));
    writeProgram(root, validProgram());
    const todo = await runCli(root, ['todo']);
    expect(todo.stdout).toMatch(/steps open\. `trustbook check` has the details\.$/);
  });
});

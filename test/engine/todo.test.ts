import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { todoList } from '../../src/engine/todo.ts';
import { runCli } from '../cli/run.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const repository = resolve(import.meta.dirname, '../..');

describe('the to-do list', () => {
  it('follows the SOC 2 checklist’s order', () => {
    expect(todoList(check(validProgram()).facts).map((step) => step.id)).toEqual([
      'scope',
      'gaps',
      'controls',
      'policies',
      'training',
      'risks',
      'evidence',
      'vendors',
      'audit',
    ]);
  });

  it('on a fresh program from init, has every step with work in it open, each with its counts and what to do next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustbook-todo-'));
    try {
      await runCli(dir, ['init', '--org', 'Fresh Co', '--dir', 'p'], { TRUSTBOOK_AS_OF: '2026-11-26' });
      const steps = todoList(checkProject(join(dir, 'p'), { asOf: '2026-11-26' }).facts);
      const byId = new Map(steps.map((step) => [step.id, step]));
      expect(byId.get('gaps')).toMatchObject({ complete: true, done: 33, total: 33 });
      expect(byId.get('controls')).toMatchObject({ complete: false, done: 0 });
      const evidence = byId.get('evidence')!;
      expect(evidence).toMatchObject({ complete: false, done: 0, total: evidence.total });
      // No artifacts yet, and each series' description still to write (the template's <Todo>).
      expect(evidence.left).toEqual([
        expect.objectContaining({ code: 'TB320', severity: 'warning', count: evidence.total }),
        expect.objectContaining({ code: 'TB402', severity: 'warning', count: evidence.total }),
      ]);
      // Placeholders count in the step of their document: the system description and trust page in the scope.
      expect(byId.get('scope')!.left).toContainEqual(
        expect.objectContaining({
          code: 'TB320',
          files: ['content/system-description.mdx', 'content/trust/overview.mdx'],
        }),
      );
      // Nobody has approved a template: no policy is in order, each one a draft (TB214).
      const policies = byId.get('policies')!;
      expect(policies).toMatchObject({ complete: false, done: 0 });
      expect(policies.left).toContainEqual(
        expect.objectContaining({ code: 'TB214', severity: 'warning', count: policies.total }),
      );
      expect(evidence.next).toMatch(/^`npx trustbook evidence add EV-/);
      expect(byId.get('risks')).toMatchObject({ complete: false, next: '`npx trustbook new risk R-01`' });
      expect(byId.get('vendors')).toMatchObject({ complete: false, next: '`npx trustbook new vendor ID`' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on the sample program, is nearly done: only what falls due soon and one planned control are open', () => {
    const steps = todoList(checkProject(repository).facts);
    expect(steps.filter((step) => !step.complete).map((step) => step.id)).toEqual(['controls', 'training', 'vendors']);
    for (const step of steps.filter((candidate) => !candidate.complete)) {
      expect(
        step.left.every((left) => left.severity === 'warning'),
        step.id,
      ).toBe(true);
      expect(step.next, step.id).not.toBe('');
    }
  });

  it('keeps a step open while a finding of its codes stands, and closes it once the finding is gone', () => {
    const overdue = edit(
      validProgram(),
      'policies/backup.mdx' in validProgram() ? 'policies/backup.mdx' : 'policies/acceptable-use.mdx',
      'approved: 2026-03-01',
      'approved: 2024-01-01',
    );
    const policies = (files: ReturnType<typeof validProgram>) =>
      todoList(check(files).facts).find((step) => step.id === 'policies')!;
    expect(policies(validProgram())).toMatchObject({ complete: true, next: '' });
    expect(policies(overdue)).toMatchObject({ complete: false });
    expect(policies(overdue).left.map((left) => left.code)).toContain('TB501');
  });
});

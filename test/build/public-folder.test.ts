/**
 * public/ is copied into every site as it is: a build refuses a link that leads out of it and a dot-file, with a
 * plain message and no stack trace, and leaves the last good output as it was.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validProgram } from '../helpers/program.ts';
import { createProject, type BuildProject } from './project.ts';

let project: BuildProject;
let good: Map<string, string>;

beforeAll(() => {
  project = createProject(validProgram());
  mkdirSync(join(project.root, 'public/.well-known'), { recursive: true });
  writeFileSync(join(project.root, 'public/.well-known/ok.txt'), 'published on purpose\n');
  const built = project.build();
  if (built.status !== 0) throw new Error(built.output);
  good = project.distHashes();
});

afterAll(() => project.remove());

describe('public/ in a build', () => {
  it('publishes .well-known/ as it is', () => {
    expect([...good.keys()]).toContain('public/.well-known/ok.txt');
  });

  it('refuses a link to /etc/passwd, naming it, and keeps dist/ as it was', () => {
    symlinkSync('/etc/passwd', join(project.root, 'public/users.txt'));
    try {
      const built = project.build();
      expect(built.status).not.toBe(0);
      expect(built.output).toContain('public/users.txt: a link to a file outside public/');
      expect(built.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(project.distHashes()).toEqual(good);
    } finally {
      rmSync(join(project.root, 'public/users.txt'));
    }
  });

  it('refuses a dot-file, naming it, and keeps dist/ as it was', () => {
    writeFileSync(join(project.root, 'public/.env'), 'TOKEN=not-for-the-web\n');
    try {
      const built = project.build();
      expect(built.status).not.toBe(0);
      expect(built.output).toContain('public/.env: a dot-file or dot-folder');
      expect(project.distHashes()).toEqual(good);
    } finally {
      rmSync(join(project.root, 'public/.env'));
    }
  });
});

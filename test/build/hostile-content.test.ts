/**
 * Content planted by someone with commit access, in a real build: a trust document that is a link to
 * /etc/passwd, a "PDF" that is an HTML page, a link that runs script. Each stops the build at the check, naming
 * the file and line, before anything is written; the last good output stays, and holds none of it.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { validProgram } from '../helpers/program.ts';
import { createProject, type BuildProject } from './project.ts';

const DOCUMENT = 'content/trust/documents/pentest.yaml';
const TRUST_PAGE = 'content/trust/overview.mdx';

let project: BuildProject;
let good: Map<string, string>;

beforeAll(() => {
  project = createProject(validProgram());
  const built = project.build();
  if (built.status !== 0) throw new Error(built.output);
  good = project.distHashes();
});

afterEach(() => {
  rmSync(join(project.root, DOCUMENT), { force: true });
  rmSync(join(project.root, TRUST_PAGE), { force: true });
  rmSync(join(project.root, 'content/trust/files'), { recursive: true, force: true });
});

afterAll(() => project.remove());

/** Builds, expects the refusal with the finding's code and place, and dist/ untouched and free of `planted`. */
function expectRefused(code: string, place: string, planted?: string): void {
  const built = project.build();
  expect(built.status, built.output).not.toBe(0);
  expect(built.output).toContain(`error ${code}`);
  expect(built.output).toContain(place);
  expect(built.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(project.distHashes()).toEqual(good);
  if (planted === undefined) return;
  for (const file of listFiles(join(project.root, 'dist'))) {
    expect(readFileSync(file).includes(planted), file).toBe(false);
  }
}

describe('hostile content in a build', () => {
  it('refuses a public trust document that is a symbolic link to /etc/passwd', () => {
    mkdirSync(join(project.root, 'content/trust/files'), { recursive: true });
    symlinkSync('/etc/passwd', join(project.root, 'content/trust/files/pentest.pdf'));
    project.write({
      [DOCUMENT]: 'title: Penetration test summary\nfile: content/trust/files/pentest.pdf\naccess: public\n',
    });
    expectRefused('TB011', `${DOCUMENT}:2`, 'root:x:0:0');
  });

  it('refuses a public trust document named .pdf that is an HTML page', () => {
    const page = '<!DOCTYPE html><title>Sign in</title><form action="https://evil.test.example/">';
    project.write({
      [DOCUMENT]: 'title: Penetration test summary\nfile: content/trust/files/pentest.pdf\naccess: public\n',
      'content/trust/files/pentest.pdf': page,
    });
    expectRefused('TB011', `${DOCUMENT}:2`, 'evil.test.example');
  });

  it('refuses a trust page whose link runs script', () => {
    project.write({
      [TRUST_PAGE]:
        '---\ntitle: Overview\nsummary: How we work\n---\n\nRead [our report](javascript:alert(document.domain)).\n',
    });
    expectRefused('TB010', `${TRUST_PAGE}:6`, 'alert(document.domain)');
  });

  it('still builds the program once the plants are gone', () => {
    const built = project.build();
    expect(built.status, built.output).toBe(0);
  });
});

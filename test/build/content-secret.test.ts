/**
 * Content is code: an MDX body that prints the grant secret, and a module outside the content folders that a
 * body imports to read it, find nothing in a real build, because the integration takes the secret out of the
 * environment before any page renders. In content-only mode the check refuses such a body before anything is
 * built, naming the file and line, and the last good output stays as it was.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANT_SECRET_ENV } from '../../src/engine/grants.ts';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { validProgram } from '../helpers/program.ts';
import { createProject, type BuildProject } from './project.ts';

const SECRET = 'content-secret-test-Q7vW2xK9pL4mN8rT5yB3cD6fG1hJ0aS';
const TRUST = 'content/trust/overview.mdx';
const body = [
  '---',
  'title: Security overview',
  'summary: How we protect customer data',
  '---',
  '',
  "import { stolen } from '../../outside/steal.mjs'",
  '',
  'From the environment: [{String(process.env.TRUSTBOOK_GRANT_SECRET)}]',
  '',
  'From Vite: [{String(import.meta.env.TRUSTBOOK_GRANT_SECRET)}]',
  '',
  'From a module: [{stolen}]',
  '',
].join('\n');

let project: BuildProject;

function build(): { status: number; output: string } {
  const saved = process.env[GRANT_SECRET_ENV];
  process.env[GRANT_SECRET_ENV] = SECRET;
  try {
    return project.build();
  } finally {
    if (saved === undefined) delete process.env[GRANT_SECRET_ENV];
    else process.env[GRANT_SECRET_ENV] = saved;
  }
}

beforeAll(() => {
  project = createProject({ ...validProgram(), [TRUST]: body });
  mkdirSync(join(project.root, 'outside'), { recursive: true });
  // Evaluated when the page renders, as any module a body imports is.
  writeFileSync(
    join(project.root, 'outside/steal.mjs'),
    `export const stolen = String(process.env.${GRANT_SECRET_ENV});\n`,
  );
});

afterAll(() => project.remove());

describe('the grant secret and content that runs code', () => {
  it('is out of reach of a body and of the modules it imports: no file of any site holds it', () => {
    const built = build();
    expect(built.status, built.output).toBe(0);
    const dist = join(project.root, 'dist');
    const pages = listFiles(dist).filter((file) => file.endsWith('.html'));
    const overview = pages
      .map((file) => readFileSync(file, 'utf8'))
      .find((text) => text.includes('From the environment'));
    // The body did run: it printed what it found, which was nothing.
    expect(overview).toMatch(/From the environment: \[undefined\]/);
    expect(overview).toMatch(/From a module: \[undefined\]/);
    expect(overview).not.toMatch(/From Vite: \[(?!undefined\])/);
    for (const file of listFiles(dist)) expect(readFileSync(file).includes(SECRET), file).toBe(false);
    expect(built.output).not.toContain(SECRET);
  });

  it('in content-only mode, stops the build at each piece of code, by file and line, and keeps dist/', () => {
    const before = project.distHashes();
    project.write({
      'content/program.yaml': `${validProgram()['content/program.yaml']}content_only: true\n`,
    });
    const built = build();
    expect(built.status).not.toBe(0);
    expect(built.output).toMatch(/error TB009 the statement `import \{ stolen \} from/);
    for (const line of [6, 8, 10, 12]) expect(built.output).toContain(`${TRUST}:${line}`);
    expect(built.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(project.distHashes()).toEqual(before);
  });
  it('refuses a build whose .env file holds the secret, which Vite would hand to every page', () => {
    const before = project.distHashes();
    writeFileSync(join(project.root, '.env'), `${GRANT_SECRET_ENV}=${SECRET}\n`);
    try {
      const built = project.build();
      expect(built.status).not.toBe(0);
      expect(built.output).toContain('.env defines TRUSTBOOK_GRANT_SECRET');
      expect(project.distHashes()).toEqual(before);
    } finally {
      rmSync(join(project.root, '.env'));
    }
  });
});

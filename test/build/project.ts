/**
 * A throw-away Trustbook project for build tests: a program's files in a temporary folder, with this
 * repository's src/ and node_modules linked in, built by the real `astro build` as a user would run it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { writeProgram, type Files } from '../helpers/program.ts';

const repository = resolve(import.meta.dirname, '../..');

export interface BuildProject {
  root: string;
  write(files: Files): void;
  build(): { status: number; output: string };
  /** SHA-256 of every file under dist/, by path. */
  distHashes(): Map<string, string>;
  remove(): void;
}

export function createProject(files: Files): BuildProject {
  // Inside the repository, as the benchmark's projects are: Vite resolves the src/ link to its real path,
  // and a project in another tree would see its own modules under two names.
  const parent = join(repository, '.trustbook/test-builds');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'project-'));
  symlinkSync(join(repository, 'src'), join(root, 'src'));
  symlinkSync(join(repository, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport trustbook from './src/integration/index.ts';\nexport default defineConfig({ integrations: [trustbook()] });\n",
  );
  writeProgram(root, files);
  return {
    root,
    write: (more) => writeProgram(root, more),
    build: () => {
      const result = spawnSync(process.execPath, [join(repository, 'node_modules/astro/bin/astro.mjs'), 'build'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
      });
      return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
    },
    distHashes: () =>
      new Map(
        listFiles(join(root, 'dist')).map((file) => [
          relative(join(root, 'dist'), file),
          createHash('sha256').update(readFileSync(file)).digest('hex'),
        ]),
      ),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

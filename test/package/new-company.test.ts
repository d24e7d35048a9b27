/**
 * The package as a new company meets it: `npm pack`, then, in a folder outside this repository, `init` a program
 * from the tarball, `npm install`, `npm run build`, and the three sites in Chromium. Then an upgrade to a second
 * packed version, which must leave every file of the program as it was.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { startStaticServer, type StaticServer } from '../../src/preview/static-server.ts';
import { sites } from '../../src/site/sites.ts';
import { blockingViolations } from '../e2e/axe.ts';
import { collectErrors, launchBrowser, openPage } from '../e2e/browser.ts';

const repository = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work: string;
let program: string;
let tarball: string;
let installed: SpawnSyncReturns<string>;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', npm_config_fund: 'false' },
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** SHA-256 of every file of the program's own folders, by path. */
function programHashes(): Map<string, string> {
  return new Map(
    ['content', 'policies', 'evidence-index', 'public'].flatMap((folder) =>
      listFiles(join(program, folder)).map((file) => [
        relative(program, file),
        createHash('sha256').update(readFileSync(file)).digest('hex'),
      ]),
    ),
  );
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'trustbook-package-'));
  const packed = run(npm, ['pack', '--silent', '--pack-destination', work], repository);
  tarball = join(work, packed.stdout.trim().split('\n').at(-1)!);
  run(
    process.execPath,
    [
      join(repository, 'bin/trustbook.js'),
      'init',
      'acme-trust',
      '--org',
      'Acme Trust, Inc.',
      '--from',
      tarball,
      '--as-of',
      '2026-11-26',
    ],
    work,
  );
  program = join(work, 'acme-trust');
  // As the getting-started guide says, the company has its policies approved and records each approval; until
  // then they are drafts, which the employee portal and the trust center do not show.
  for (const file of readdirSync(join(program, 'policies'))) {
    const path = join(program, 'policies', file);
    const approval = /^# approved_by: ([\w-]+).*\n# approved: .*$/m;
    writeFileSync(path, readFileSync(path, 'utf8').replace(approval, 'approved_by: $1\napproved: 2026-11-26'));
  }
  // As the getting-started guide says: the program is committed before its first build, so the trust updates
  // replay a history in which the fresh overview's title was held back.
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=New Company', '-c', 'user.email=security@acme.example', ...args], program);
  git('init', '--quiet');
  git('add', '-A');
  git('commit', '--quiet', '-m', 'Start the compliance program');
  installed = run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund'], program);
  run(npm, ['run', 'build'], program);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds what a program needs and nothing of the sample, the tests or the benchmark', () => {
    const listed = run('tar', ['-tzf', tarball], work).stdout.split('\n').filter(Boolean);
    const top = new Set(listed.map((path) => path.split('/')[1]));
    expect([...top].sort()).toEqual([
      'LICENSE',
      'README.md',
      'bin',
      'docs',
      'index.js',
      'lib',
      'package.json',
      'src',
      'templates',
    ]);
    expect(listed).toContain('package/lib/cli/main.js');
    expect(listed).toContain('package/lib/engine/index.d.ts');
    expect(listed).toContain('package/src/routes/policy.astro');
    expect(
      listed.filter((path) => /^package\/(content|policies|evidence-index|test|scripts|docs-site)\//.test(path)),
    ).toEqual([]);
  });

  // program.yaml's opening comment (docs/content-model.md), the check's fixes (docs/criteria.md, docs/sampling.md)
  // and the README point to pages of docs/: a program installed from npm must hold them, not only this
  // repository. The docs site's sources (docs-site/) stay out: a program needs the pages, not their publisher.
  it('ships the reference pages its README and findings point to', () => {
    const listed = run('tar', ['-tzf', tarball], work).stdout.split('\n').filter(Boolean);
    expect(listed).toContain('package/docs/content-model.md');
    expect(listed).toContain('package/docs/diagnostics.md');
    expect(listed).toContain('package/docs/criteria.md');
    expect(listed).toContain('package/docs/sampling.md');
    const readme = readFileSync(join(repository, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\((docs\/[a-z0-9-]+\.md)(?:#[^)]*)?\)/g)].map(
      (match) => `package/${match[1]}`,
    );
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((path) => !listed.includes(path))).toEqual([]);
  });

  it('installs the command, which says its version', () => {
    const version = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')).version as string;
    const said = run(join(program, 'node_modules/.bin/trustbook'), ['--version'], program).stdout.trim();
    expect(said).toBe(`trustbook ${version}`);
  });
});

describe('installing it', () => {
  it("prints no warning about the system's Node or the package's own build script", () => {
    // The program runs on the Node it installs, so npm's engine warnings under an older system Node are noise;
    // and the package compiles lib/ before it is packed, not when it is installed.
    expect(installed.stderr).not.toMatch(/EBADENGINE|install-scripts|prepare/);
    expect(readFileSync(join(program, '.npmrc'), 'utf8')).toMatch(/^loglevel=error$/m);
    const manifest = JSON.parse(run('tar', ['-xOzf', tarball, 'package/package.json'], work).stdout);
    expect(manifest.scripts.prepare).toBeUndefined();
  });
});

describe('a new company’s repository', () => {
  it('holds the program and the files that make it a project, and no pages of its own', () => {
    const manifest = JSON.parse(readFileSync(join(program, 'package.json'), 'utf8'));
    expect(manifest.dependencies.trustbook).toMatch(/^file:vendor\/trustbook-.*\.tgz$/);
    expect(manifest.scripts).toMatchObject({ build: 'astro build', check: 'trustbook check' });
    for (const file of ['astro.config.mjs', 'tsconfig.json', '.gitignore', 'README.md', 'public/logo.svg']) {
      expect(readFileSync(join(program, file), 'utf8').length, file).toBeGreaterThan(0);
    }
    expect(readFileSync(join(program, '.github/workflows/compliance.yml'), 'utf8')).toBe(
      readFileSync(join(repository, '.github/workflows/compliance.yml'), 'utf8'),
    );
    expect(listFiles(join(program, 'src'))).toEqual([join(program, 'src/content.config.ts')]);
  });

  it('checks clean with `npm run check`', () => {
    const checked = run(npm, ['run', '--silent', 'check'], program);
    expect(checked.stdout).toMatch(/0 errors, \d+ warnings/);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    const servers = new Map<string, StaticServer>();
    beforeAll(async () => {
      browser = await launchBrowser();
      for (const site of sites) servers.set(site, await startStaticServer(join(program, 'dist', site)));
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      for (const server of servers.values()) await server.stop();
    });

    it.each([
      ['public', '/', 'Acme Trust, Inc.'],
      ['employees', '/policies/information-security/', 'Information Security Policy'],
      ['auditors', '/controls/AC-01/', 'AC-01'],
    ])('serves the %s site: %s', async (site, path, text) => {
      const page = await browser.newPage();
      const log = collectErrors(page);
      expect(await openPage(page, servers.get(site)!.url(path))).toBe(200);
      expect(await page.locator('main').innerText()).toContain(text);
      expect(log.errors).toEqual([]);
      await page.close();
    });

    it('shows the templates’ to-do boxes on the private sites as labelled notes, and none on the trust center', async () => {
      const page = await browser.newPage();
      expect(await openPage(page, servers.get('auditors')!.url('/system-description/'))).toBe(200);
      const notes = page.getByRole('note', { name: 'To do' });
      expect(await notes.count()).toBe(9);
      expect(await notes.first().innerText()).toContain('Describe the services Acme Trust, Inc. provides');
      expect(await blockingViolations(page)).toEqual([]);
      expect(await openPage(page, servers.get('public')!.url('/'))).toBe(200);
      expect(await page.locator('[data-todo]').count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toContain('Describe in a few paragraphs');
      await page.close();
    });

    it.each(sites)('searches the %s site', async (site) => {
      const page = await browser.newPage();
      expect(await openPage(page, servers.get(site)!.url('/search/'))).toBe(200);
      await page.locator('.pagefind-ui__search-input').fill('policy');
      await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.pagefind-ui__result').count()).toBeGreaterThan(0);
      await page.close();
    });
  });

  it('upgrades to a newer package without changing a byte of the program', () => {
    const before = programHashes();
    // A second release: the same package under the next version number.
    const unpacked = join(work, 'next');
    mkdirSync(unpacked);
    run('tar', ['-xzf', tarball, '-C', unpacked], work);
    const manifestPath = join(unpacked, 'package/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.version = '99.0.0';
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    run('tar', ['-czf', join(program, 'vendor/trustbook-99.0.0.tgz'), '-C', unpacked, 'package'], work);
    run(
      npm,
      ['install', '--prefer-offline', '--no-audit', '--no-fund', 'trustbook@file:vendor/trustbook-99.0.0.tgz'],
      program,
    );
    expect(run(join(program, 'node_modules/.bin/trustbook'), ['--version'], program).stdout.trim()).toBe(
      'trustbook 99.0.0',
    );
    expect(programHashes()).toEqual(before);
    // The same templates in both versions: nothing to adopt.
    expect(run(join(program, 'node_modules/.bin/trustbook'), ['templates', 'diff'], program).stdout).toContain(
      'No template has changed',
    );
    expect(JSON.parse(readFileSync(join(program, 'package.json'), 'utf8')).dependencies.trustbook).toBe(
      'file:vendor/trustbook-99.0.0.tgz',
    );
  });
});

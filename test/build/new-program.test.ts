/** A program straight from `trustbook init` builds three sites whose links all lead somewhere. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programFiles } from '../../src/scaffold/program-tree.ts';
import { DEFAULT_WEBSITE, defaultContact } from '../../src/scaffold/new-program.ts';
import { siteTexts } from '../../src/integration/leak-scan-fs.ts';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { sites } from '../../src/site/sites.ts';
import { createProject, type BuildProject } from './project.ts';

let project: BuildProject;
let build: { status: number; output: string };

beforeAll(() => {
  const files = programFiles({
    organization: 'Fresh Start, Inc.',
    system: 'Fresh Platform',
    // What `trustbook init --yes` writes: the template defaults, which keep the feeds and security.txt off the
    // trust center until the company gives its own.
    website: DEFAULT_WEBSITE,
    contact: defaultContact(DEFAULT_WEBSITE),
    scope: ['security', 'availability'],
    today: '2026-11-26',
  });
  project = createProject(Object.fromEntries(files));
  build = project.build();
}, 180_000);
afterAll(() => project?.remove());

/** Where a relative or root-relative link from `file` lands in `siteDir`, or undefined when it leaves the site. */
function target(siteDir: string, file: string, href: string): string | undefined {
  if (/^([a-z]+:|\/\/|#)/i.test(href)) return undefined;
  const path = href.split(/[?#]/)[0]!;
  const landed = path.startsWith('/') ? join(siteDir, path) : resolve(dirname(file), path);
  return existsSync(landed) && statSync(landed).isDirectory() ? join(landed, 'index.html') : landed;
}

/**
 * Whether a page says nothing: its main part holds only its heading and lede, or a table with no rows (a list
 * of nothing under a menu entry that promises one).
 */
function isEmptyPage(html: string): boolean {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  if (/<tbody[^>]*>\s*<\/tbody>/.test(main)) return true;
  const rest = main
    .replace(/<h1[\s\S]*?<\/h1>/, '')
    .replace(/<p class="lede"[\s\S]*?<\/p>/, '')
    .replace(/<[^>]+>/g, '')
    .trim();
  return rest === '';
}

describe('a program fresh from init', () => {
  it('builds in readiness mode, with the banner on the private sites', () => {
    expect(build.output).toContain('leak scan clean');
    expect(build.status).toBe(0);
    expect(readFileSync(join(project.root, 'dist/employees/index.html'), 'utf8')).toContain('Readiness:');
    expect(readFileSync(join(project.root, 'dist/public/index.html'), 'utf8')).not.toContain('Readiness:');
  });

  it('has no link to a page that does not exist, on any of its sites', () => {
    const broken: string[] = [];
    for (const site of sites) {
      const siteDir = join(project.root, 'dist', site);
      for (const file of listFiles(siteDir).filter((path) => path.endsWith('.html'))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/\shref="([^"]*)"/g)) {
          const landed = target(siteDir, file, match[1]!);
          if (landed && !existsSync(landed)) broken.push(`${site}/${relative(siteDir, file)} -> ${match[1]}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('has no menu entry on the trust center that leads to an empty page', () => {
    const siteDir = join(project.root, 'dist/public');
    const home = readFileSync(join(siteDir, 'index.html'), 'utf8');
    const menu = /<nav[^>]*>([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? '';
    const entries = [...menu.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1]!);
    expect(entries.length).toBeGreaterThan(2);
    const empty = entries.filter((href) => {
      if (/search\/?$/.test(href)) return false;
      const landed = target(siteDir, join(siteDir, 'index.html'), href);
      if (!landed || !existsSync(landed)) return true;
      return isEmptyPage(readFileSync(landed, 'utf8'));
    });
    expect(empty).toEqual([]);
  });

  it('states no subprocessor count and no report on offer before there is either', () => {
    const home = readFileSync(join(project.root, 'dist/public/index.html'), 'utf8');
    expect(home).not.toMatch(/subprocessors?<\/strong> listed|No company processes/);
    expect(home).not.toContain('under a non-disclosure agreement');
    expect(existsSync(join(project.root, 'dist/public/subprocessors.json'))).toBe(false);
    const summary = JSON.parse(readFileSync(join(project.root, 'dist/public/.well-known/trust.json'), 'utf8'));
    expect(summary).not.toHaveProperty('subprocessors');
    expect(build.output).toMatch(/TB560/);
  });

  it('folds the many findings of one code on the readiness page into one expandable line, and lists the next steps', () => {
    const html = readFileSync(join(project.root, 'dist/auditors/readiness/index.html'), 'utf8');
    const summaries = [...html.matchAll(/<summary[^>]*>[\s\S]*?<\/summary>/g)].map((match) => match[0]);
    expect(
      summaries.some((summary) => /TB402<\/span> Evidence series without artifacts: \d+ findings/.test(summary)),
    ).toBe(true);
    // The evidence series' descriptions still to write are folded the same way.
    expect(summaries.some((summary) => /TB320<\/span> Text still to write: \d+ findings/.test(summary))).toBe(true);
    expect(html.match(/<ol class="todo"[^>]*>/)).not.toBeNull();
  });

  it('reads as sentences on every page: no doubled full stop, and no word run into the next', () => {
    // The organization ends in "Inc.", so a sentence that closes on its name is where a full stop doubles.
    const doubled = /(?<![\d.])\.\s*\.(?![\d./])/;
    const runTogether = /\b(?:the|a|an|of|to|and|our|in|on|for|with|from|about)(?=[A-Z]{2}|[A-Z][a-z])/;
    const problems: string[] = [];
    for (const site of sites) {
      for (const { file, text } of siteTexts(join(project.root, 'dist', site), 'pages')) {
        if (!file.endsWith('.html')) continue;
        for (const pattern of [doubled, runTogether]) {
          const match = pattern.exec(text);
          if (match)
            problems.push(
              `${relative(project.root, file)}: …${text.slice(Math.max(0, match.index - 30), match.index + 12)}…`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // Last: it edits the program, which the tests above read as init wrote it.
  it('stops a build whose check fails with the findings alone: no "unhandled error", no stack trace', () => {
    const policy = 'policies/acceptable-use.mdx';
    const text = readFileSync(join(project.root, policy), 'utf8');
    project.write({ [policy]: text.replace('## Purpose\n', '## Purpose\n\nSince {year}.\n') });
    const failed = project.build();
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/The compliance check found 1 error; nothing was built/);
    expect(failed.output).toMatch(/the expression `\{year\}`[^\n]*\n\s+at policies\/acceptable-use\.mdx:\d+/);
    expect(failed.output).not.toMatch(/unhandled error/i);
    expect(failed.output).not.toMatch(/^\s+at .*\.(?:m?js|ts):\d+:\d+\)?$/m);
  });
});

/**
 * The documentation site reads the repository's README.md and docs/*.md as they are: these tests hold the
 * conversion of a file into a page, the dead-link check run after its build, and the pages' agreement with
 * what they describe (the sidebar lists every page; the CLI page's copy of `--help` is the real one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDeadLinks } from '../docs-site/src/dead-links.ts';
import { markdownPage, pageUrl } from '../docs-site/src/markdown-page.ts';
import { runCli } from './cli/run.ts';

const repository = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(repository, path), 'utf8');
const docs = readdirSync(join(repository, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

describe('a Markdown file as a page', () => {
  it('takes its title from the first heading and leaves the heading out of the body', () => {
    const page = markdownPage('docs/cli.md', '# Command `line`\n\nThe command.\n');
    expect(page).toEqual({ id: 'cli', title: 'Command line', body: '\nThe command.\n' });
  });

  it('makes the README the home page', () => {
    expect(markdownPage('README.md', '# Trustbook\n').id).toBe('index');
  });

  it('refuses a file that does not open with a heading, since the page would have no title', () => {
    expect(() => markdownPage('docs/cli.md', 'Text first.\n\n# Command line\n')).toThrow(/must open with a "# Title"/);
    expect(() => markdownPage('docs/cli.md', '---\ntitle: CLI\n---\n# Command line\n')).toThrow(/must open/);
  });

  it('turns links between repository files into page URLs, fragments kept', () => {
    const page = markdownPage(
      'docs/audit.md',
      '# Audit\n\nSee [sampling](sampling.md#tolerable-deviations), [home](../README.md) and [check](check.md).\n',
    );
    expect(page.body).toContain('[sampling](/sampling/#tolerable-deviations), [home](/) and [check](/check/)');
    expect(markdownPage('README.md', '# T\n\n[codes](docs/diagnostics.md#tb540)\n').body).toContain(
      '](/diagnostics/#tb540)',
    );
  });

  it('leaves external links, anchors on the same page and links inside fenced code as they are', () => {
    const text = '# T\n\n[a](https://example.org/x.md) [b](#here)\n\n```md\n[c](check.md)\n```\n[d](check.md)\n';
    const body = markdownPage('docs/t.md', text).body;
    expect(body).toContain('[a](https://example.org/x.md) [b](#here)');
    expect(body).toContain('```md\n[c](check.md)\n```\n[d](/check/)');
  });

  it('leaves a link to a file that is no page unchanged, for the link check to report', () => {
    expect(pageUrl('docs/a.md', '../src/schema/policy.ts')).toBeUndefined();
    expect(pageUrl('docs/a.md', '../LICENSE')).toBeUndefined();
    expect(pageUrl('README.md', 'docs/nested/a.md')).toBeUndefined();
  });

  it.each(['README.md', ...docs])('%s converts: no frontmatter, a first heading as its title', (file) => {
    expect(markdownPage(file, read(file)).title.length).toBeGreaterThan(0);
  });
});

describe('the dead-link check', () => {
  const page = (content: string, around = '') =>
    `<html><body><nav>${around}</nav><main><div class="sl-markdown-content">${content}</div></main></body></html>`;
  const site = (pages: Record<string, string>) => new Map(Object.entries(pages));

  it('passes links to pages and headings that exist', () => {
    const pages = site({
      'index.html': page('<a href="/cli/#exit-codes">codes</a> <a href="#top">top</a> <p id="top"></p>'),
      'cli/index.html': page('<h2 id="exit-codes">Exit codes</h2><a href="../">home</a>'),
    });
    expect(findDeadLinks(pages)).toEqual([]);
  });

  it('names a link to a page that was not built', () => {
    const pages = site({ 'index.html': page('<a href="/going-nowhere/">x</a>') });
    expect(findDeadLinks(pages)).toEqual([
      { page: 'index.html', href: '/going-nowhere/', reason: 'no page or file at /going-nowhere/index.html' },
    ]);
  });

  it('names a link to a heading the page does not have', () => {
    const pages = site({
      'index.html': page('<a href="/cli/#exit-code">x</a>'),
      'cli/index.html': page('<h2 id="exit-codes">Exit codes</h2>'),
    });
    expect(findDeadLinks(pages)).toEqual([
      {
        page: 'index.html',
        href: '/cli/#exit-code',
        reason: '/cli/index.html has no heading or element with id "exit-code"',
      },
    ]);
  });

  it('accepts a link to a file of the site that is not a page', () => {
    const pages = site({ 'index.html': page('<a href="/logo.svg">logo</a>') });
    expect(findDeadLinks(pages, new Set(['logo.svg']))).toEqual([]);
    expect(findDeadLinks(pages)).toHaveLength(1);
  });

  it('ignores other sites and the navigation around the content, which Starlight checks from its config', () => {
    const pages = site({
      'index.html': page('<a href="https://example.org/nowhere/">x</a>', '<a href="/later/">y</a>'),
    });
    expect(findDeadLinks(pages)).toEqual([]);
  });
});

describe('the pages and what they describe', () => {
  it('has every docs page in the sidebar, so none is out of reach', () => {
    const config = read('docs-site/astro.config.mjs');
    const listed = new Set([
      ...[...config.matchAll(/slug: '([a-z0-9-]+)'/g)].map((match) => match[1]),
      ...[...config.matchAll(/link: '\/([a-z0-9-]+)\/'/g)].map((match) => match[1]),
    ]);
    const pages = docs.map((file) => file.replace(/^docs\/(.*)\.md$/, '$1'));
    expect(pages.filter((page) => !listed.has(page))).toEqual([]);
  });

  it('prints in docs/cli.md exactly what `trustbook --help` prints', async () => {
    const copy = /## Every option[\s\S]*?```text\n([\s\S]*?)\n```/.exec(read('docs/cli.md'))?.[1];
    const { stdout } = await runCli(repository, ['--help']);
    expect(copy).toBe(stdout);
  });
});

/**
 * The partner's portfolio site: built from the portfolio check into dist/portfolio/, private, every value
 * escaped, and a trend read from the repository's history without touching the repository.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientTrend } from '../../src/workspace/portfolio-history.ts';
import { portfolioHtml } from '../../src/workspace/portfolio-site.ts';
import type { PortfolioView } from '../../src/workspace/portfolio-view.ts';
import { runCli } from '../cli/run.ts';
import { commitAll, edit, git, portfolioAsOf, sampleWithHistory, sampleWorkspace } from './sample-history.ts';

let root: string;

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'trustbook-portfolio-')), 'workspace');
});

afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const page = () => readFileSync(join(root, 'dist/portfolio/index.html'), 'utf8');

/** The text of a page's table rows for one client, tags dropped, in document order. */
function rowsOf(html: string, client: string): string[] {
  return [...html.matchAll(/<tr data-client="([^"]*)">(.*?)<\/tr>/g)]
    .filter((match) => match[1] === client)
    .map((match) =>
      match[2]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

describe('trustbook build --workspace --portfolio', () => {
  it('writes the clients with their readiness, the worklist soonest first and who lags the library', async () => {
    sampleWithHistory(root);
    const result = await runCli(root, ['build', '--workspace', '--portfolio'], { TRUSTBOOK_AS_OF: portfolioAsOf });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('portfolio: written to dist/portfolio/');
    const html = page();
    expect(rowsOf(html, 'birch')[0]).toBe(
      'birch Birch Logistics 0 1 Security (common criteria) 33/33 Security (common criteria) 100% 0 2026-10-30 the next quarterly artifact of EV-BASE-01 (last collected 2026-06-30) 0 not built',
    );
    const worklist = [...html.matchAll(/<tr data-client="([^"]*)"><td><time datetime="([^"]*)"/g)].map(
      (match) => `${match[2]} ${match[1]}`,
    );
    expect(worklist).toEqual(['2026-10-30 birch', '2026-11-02 alder', '2026-11-02 cedar']);
    expect(html).toContain('Behind the library: birch.');
    expect(rowsOf(html, 'birch')).toContain('birch Northwind baseline 2 Northwind baseline 3 behind');
    expect(rowsOf(html, 'cedar')).toContain(
      'cedar Northwind baseline 3 + Northwind healthcare 1 Northwind baseline 3 + Northwind healthcare 1 up to date',
    );
  });

  it('is private: noindex in the page and in _headers, robots.txt refuses crawlers, and there is no sitemap', async () => {
    cpSync(sampleWorkspace, root, { recursive: true });
    expect((await runCli(root, ['build', '--workspace', '--portfolio'])).code).toBe(0);
    expect(page()).toContain('<meta name="robots" content="noindex, nofollow">');
    const headers = readFileSync(join(root, 'dist/portfolio/_headers'), 'utf8');
    expect(headers).toMatch(/^ {2}X-Robots-Tag: noindex, nofollow$/m);
    expect(headers).toMatch(/^ {2}Content-Security-Policy: default-src 'none'; style-src 'self';/m);
    expect(readFileSync(join(root, 'dist/portfolio/robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
    expect(readdirSync(join(root, 'dist/portfolio')).sort()).toEqual([
      '_headers',
      'index.html',
      'portfolio.css',
      'robots.txt',
    ]);
    expect(readdirSync(join(root, 'dist'))).toEqual(['portfolio']);
  });

  it('says there is no trend when the workspace is not a git repository', async () => {
    cpSync(sampleWorkspace, root, { recursive: true });
    await runCli(root, ['build', '--workspace', '--portfolio']);
    expect(page()).toContain(
      '<p>The workspace is not a git repository, so there is no history to draw a trend from.</p>',
    );
  });

  it('shows the organization as text, however it is written', async () => {
    cpSync(sampleWorkspace, root, { recursive: true });
    edit(root, 'clients/alder/content/program.yaml', (text) =>
      text.replace('organization: Alder Analytics', `organization: '<img src=x onerror=alert(1)>"Alder"'`),
    );
    await runCli(root, ['build', '--workspace', '--portfolio']);
    expect(page()).not.toContain('<img');
    expect(page()).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;Alder&quot;');
  });

  it('keeps a client whose folder is not a program in the table, with its error and no trend', async () => {
    sampleWithHistory(root);
    rmSync(join(root, 'clients/birch/content/program.yaml'));
    expect((await runCli(root, ['build', '--workspace', '--portfolio'])).code).toBe(0);
    const html = page();
    expect(rowsOf(html, 'birch')[0]).toBe('birch not a program 1 0 - - 0 - 0 not built');
    expect(rowsOf(html, 'birch')).toContain('birch unread: see its findings - -');
    expect(html).toContain('<p>clients/birch is not a program, so there is no trend.</p>');
    expect(rowsOf(html, 'alder')[0]).toMatch(/^alder Alder Analytics 0 1 /);
  });

  it('is not written when a client is named portfolio, whose sites would go in its folder', async () => {
    cpSync(sampleWorkspace, root, { recursive: true });
    edit(root, 'trustbook.workspace.yaml', (text) => text.replace('name: cedar', 'name: portfolio'));
    const result = await runCli(root, ['build', '--workspace', '--portfolio']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('portfolio: not built: the client "portfolio" builds into dist/portfolio/');
    expect(existsSync(join(root, 'dist/portfolio'))).toBe(false);
  });
});

describe('portfolio page', () => {
  const view: PortfolioView = {
    partner: '<b>Partners</b>',
    asOf: '2026-07-15',
    clients: [
      {
        name: '<script>alert(1)</script>',
        organization: 'A & B "quoted"',
        errors: 1,
        warnings: 0,
        coverage: 'Security 1/2',
        scores: [{ label: '<i>Security</i>', score: 50 }],
        windowGaps: 0,
        nextDue: { due: '2026-08-01', what: 'the review of "<u>x</u>"' },
        library: { took: 'Base <1>', now: 'Base <2>', behind: true },
        overridesToReview: 0,
        auditors: '../x"y/auditors/',
        trend: { none: 'No <em>history</em>.' },
      },
    ],
    worklist: [
      {
        due: '2026-08-01',
        client: '<script>alert(1)</script>',
        what: '<svg onload=alert(1)>',
        file: 'clients/x/<a>.mdx',
        owner: '<owner>',
        overdue: false,
      },
    ],
    worklistDays: 90,
    behind: ['<script>alert(1)</script>'],
  };

  it('escapes every value from the workspace, so a name with markup comes out as text', () => {
    const html = portfolioHtml(view);
    for (const markup of ['<script', '<b>P', '<i>', '<u>', '<em>', '<svg', '<owner>', '<a>', 'x"y', '<1>', '<2>']) {
      expect(html, markup).not.toContain(markup);
    }
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &amp; B &quot;quoted&quot;');
    expect(html).toContain('href="../x&quot;y/auditors/"');
  });

  it('links each built client to its auditor site beside the portfolio, and says when one is not built', () => {
    const html = portfolioHtml(view);
    expect(html).toContain('<a href="../x&quot;y/auditors/">auditor site');
    const unbuilt = portfolioHtml({ ...view, clients: [{ ...view.clients[0]!, auditors: undefined }] });
    expect(unbuilt).not.toContain('/auditors/');
    expect(unbuilt).toContain('<span class="muted">not built</span>');
  });
});

describe('a client trend from git history', () => {
  it('checks the client at each commit that touched it, oldest first, as of the day the program pinned', () => {
    sampleWithHistory(root);
    const trend = clientTrend(root, 'clients/birch');
    expect(trend).toEqual({
      points: [
        expect.objectContaining({ date: '2026-09-01', asOf: '2026-07-15', errors: 1, covered: 33, total: 33 }),
        expect.objectContaining({ date: '2026-09-15', asOf: '2026-07-15', errors: 0, covered: 33, total: 33 }),
      ],
    });
    expect(clientTrend(root, 'clients/alder')).toEqual({
      points: [expect.objectContaining({ date: '2026-09-01', errors: 0 })],
    });
  });

  it('checks a program that pins no evaluation date as of the commit day', () => {
    sampleWithHistory(root);
    edit(root, 'clients/cedar/content/program.yaml', (text) => text.replace(/^as_of: .*\n/m, ''));
    commitAll(root, 'cedar: judged as of today', '2026-09-20');
    const trend = clientTrend(root, 'clients/cedar');
    expect('points' in trend && trend.points.map((point) => [point.date, point.asOf])).toEqual([
      ['2026-09-01', '2026-07-15'],
      ['2026-09-20', '2026-09-20'],
    ]);
  });

  it('reaches back at most six commits', () => {
    sampleWithHistory(root);
    for (let day = 16; day <= 22; day += 1) {
      edit(root, 'clients/birch/content/system-description.mdx', (text) => `${text}\nRevised on the ${day}th.\n`);
      commitAll(root, `birch: revision ${day}`, `2026-09-${day}`);
    }
    const trend = clientTrend(root, 'clients/birch');
    expect('points' in trend && trend.points.map((point) => point.date)).toEqual([
      '2026-09-17',
      '2026-09-18',
      '2026-09-19',
      '2026-09-20',
      '2026-09-21',
      '2026-09-22',
    ]);
  });

  it("leaves the repository's index and work tree as they were, uncommitted changes included", () => {
    sampleWithHistory(root);
    edit(root, 'clients/birch/content/program.yaml', (text) => `${text}# not committed\n`);
    const before = git(root, ['status', '--porcelain']);
    clientTrend(root, 'clients/birch');
    expect(git(root, ['status', '--porcelain'])).toBe(before);
    expect(before).toContain(' M clients/birch/content/program.yaml');
  });

  it('gives no point for a commit where the folder was not yet a program, and says so when none is', () => {
    sampleWithHistory(root);
    cpSync(join(root, 'clients/birch/policies'), join(root, 'clients/dogwood/policies'), { recursive: true });
    commitAll(root, 'dogwood: policies first', '2026-09-20');
    expect(clientTrend(root, 'clients/dogwood')).toEqual({
      none: 'None of the last commits that touch clients/dogwood holds a program that can be checked.',
    });
    expect(clientTrend(root, 'clients/elm')).toEqual({
      none: 'No commit touches clients/elm yet, so there is no trend.',
    });
  });

  it('says so when git is not installed, rather than failing the build', () => {
    cpSync(sampleWorkspace, root, { recursive: true });
    const path = process.env.PATH;
    process.env.PATH = join(root, 'no-programs-here');
    try {
      expect(clientTrend(root, 'clients/alder')).toEqual({
        none: 'git is not installed where the portfolio was built, so there is no trend.',
      });
    } finally {
      process.env.PATH = path;
    }
  });

  it('says a repository without commits has no trend', () => {
    cpSync(sampleWorkspace, root, { recursive: true });
    git(root, ['init', '--quiet']);
    expect(clientTrend(root, 'clients/alder')).toEqual({
      none: 'The repository has no commits yet, so there is no trend.',
    });
  });
});

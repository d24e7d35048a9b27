/**
 * Trust updates from a program's git history, built as a company would: the program is committed, a new
 * public subprocessor is committed later, and the trust center's feeds and updates page list it, the same on
 * every build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAtom } from '../helpers/feeds.ts';
import { validProgram } from '../helpers/program.ts';
import { createProject, type BuildProject } from './project.ts';

const cloudline = `id: cloudline
name: Cloudline Hosting
purpose: Hosting of the platform's servers and databases.
data: [customer data]
criticality: high
subprocessor: true
locations: [EU (Ireland)]
added: 2026-05-04
effective: 2026-08-01
reviewed: 2026-05-04
assurance: { type: soc2-type2, period_end: 2026-03-31 }
public: true
`;

// A vendor that is not a subprocessor: its name must appear nowhere on the trust center.
const ledger = `id: ledger
name: Quiet Ledger Systems
purpose: Internal bookkeeping for the finance team.
data: [company financial records]
criticality: low
locations: [United States]
added: 2026-05-04
reviewed: 2026-05-04
`;

let project: BuildProject;
const builds: { status: number; output: string; atom: string; json: string; page: string }[] = [];

function commit(message: string, date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T09:30:00Z`, GIT_COMMITTER_DATE: `${date}T09:30:00Z` };
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: project.root,
        env,
      },
    );
  git('add', '-A');
  git('commit', '-qm', message);
}

function build() {
  const result = project.build();
  const read = (path: string) => readFileSync(join(project.root, 'dist/public', path), 'utf8');
  builds.push({
    ...result,
    atom: result.status === 0 ? read('updates.xml') : '',
    json: result.status === 0 ? read('updates.json') : '',
    page: result.status === 0 ? read('updates/index.html') : '',
  });
}

beforeAll(() => {
  project = createProject({ ...validProgram(), '.gitignore': 'node_modules\nsrc\ndist\n.trustbook\n.astro\n' });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: project.root });
  commit('The program', '2026-03-01');
  project.write({ 'content/vendors/cloudline.yaml': cloudline, 'content/vendors/ledger.yaml': ledger });
  commit('Cloudline hosts the platform from August', '2026-05-04');
  build();
  build();
}, 360_000);

afterAll(() => project?.remove());

describe('trust updates', () => {
  it('list a subprocessor added in the history in the Atom feed, with its day and advance notice', () => {
    const [first] = builds;
    expect(first!.status, first!.output).toBe(0);
    const feed = readAtom(first!.atom);
    expect(feed.id).toBe('https://test.example/updates.xml');
    expect(feed.updated).toBe('2026-05-04T00:00:00.000Z');
    expect(feed.entries).toEqual([
      {
        id: expect.stringMatching(
          /^https:\/\/test\.example\/updates\/#change-[0-9a-f]{12}\/content\/vendors\/cloudline\.yaml$/,
        ),
        title: 'Subprocessor added: Cloudline Hosting',
        updated: '2026-05-04T00:00:00.000Z',
        link: 'https://test.example/subprocessors/',
        summary: 'Cloudline Hosting is added to the subprocessors; it starts processing customer data on 2026-08-01.',
      },
    ]);
  });

  it('list the same change in the JSON Feed', () => {
    const feed = JSON.parse(builds[0]!.json);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toEqual([
      expect.objectContaining({
        id: readAtom(builds[0]!.atom).entries[0]!.id,
        title: 'Subprocessor added: Cloudline Hosting',
        url: 'https://test.example/subprocessors/',
        date_published: '2026-05-04T00:00:00.000Z',
      }),
    ]);
  });

  it('are listed on the updates page by month, linked to the subprocessors, with the feeds to subscribe to', () => {
    const { page } = builds[0]!;
    expect(page).toContain('<h2 id="month-2026-05">May 2026</h2>');
    const row = /<tr id="change-[0-9a-f]{12}\/content\/vendors\/cloudline\.yaml">([\s\S]*?)<\/tr>/.exec(page)?.[1];
    expect(row, page).toBeDefined();
    expect(row).toContain('<time datetime="2026-05-04">2026-05-04</time>');
    expect(row).toContain('Subprocessor added');
    expect(row).toContain('<a href="../subprocessors/">Cloudline Hosting</a>');
    expect(row).toContain('<time datetime="2026-08-01">2026-08-01</time>');
    expect(page).toContain('<a href="../updates.xml">Atom</a>');
    expect(page).toContain('<a href="../updates.json">JSON Feed</a>');
    const subprocessors = readFileSync(join(project.root, 'dist/public/subprocessors/index.html'), 'utf8');
    expect(subprocessors).toMatch(/from <time datetime="2026-08-01">2026-08-01<\/time>/);
  });

  it('never name a vendor that is not public', () => {
    for (const text of [builds[0]!.atom, builds[0]!.json, builds[0]!.page]) expect(text).not.toContain('Quiet Ledger');
  });

  it('are the same bytes on a second build', () => {
    expect(builds[1]!.status, builds[1]!.output).toBe(0);
    expect(builds[1]!.atom).toBe(builds[0]!.atom);
    expect(builds[1]!.json).toBe(builds[0]!.json);
    expect(builds[1]!.page).toBe(builds[0]!.page);
  });
});

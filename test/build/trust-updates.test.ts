/**
 * Trust updates from a program's git history, built as a company would: the program is committed, a new
 * public subprocessor is committed later, and the trust center's feeds and updates page list it, the same on
 * every build. Before it, the history holds each slip the updates once made: a page held back for a
 * placeholder and then retitled, another held back and then deleted, a vendor public for one commit and
 * deleted later. None of their titles reaches the trust center, and no feed id holds a file path.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAtom } from '../helpers/feeds.ts';
import { validProgram } from '../helpers/program.ts';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { createProject, type BuildProject } from './project.ts';

const heldBack = (title: string) => `---\ntitle: ${title}\n---\n\n<Todo>Say what this changes for customers.</Todo>\n`;

const brief = (isPublic: boolean) => `id: brief
name: Brief Analytics
purpose: Product analytics.
data: [usage data]
criticality: low
subprocessor: true
locations: [United States]
added: 2026-04-01
reviewed: 2026-04-01
assurance: { type: soc2-type2, period_end: 2026-03-31 }
public: ${isPublic}
`;

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
  project.write({
    'content/trust/launch.mdx': heldBack('Project Falcon Launch'),
    'content/trust/roadmap.mdx': heldBack('Nightjar Roadmap'),
    'content/vendors/brief.yaml': brief(true),
  });
  commit('Drafts of two pages; Brief Analytics listed', '2026-04-01');
  project.write({ 'content/vendors/brief.yaml': brief(false) });
  commit('Brief Analytics is not a subprocessor after all', '2026-04-02');
  project.write({ 'content/trust/launch.mdx': '---\ntitle: Platform Changes\n---\n\nWhat changed on the platform.\n' });
  rmSync(join(project.root, 'content/trust/roadmap.mdx'));
  rmSync(join(project.root, 'content/vendors/brief.yaml'));
  commit('The launch page is written; the roadmap and Brief Analytics go', '2026-04-20');
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
        id: expect.stringMatching(/^https:\/\/test\.example\/updates\/#change-[0-9a-f]{16}$/),
        title: 'Subprocessor added: Cloudline Hosting',
        updated: '2026-05-04T00:00:00.000Z',
        link: 'https://test.example/subprocessors/',
        summary: 'Cloudline Hosting is added to the subprocessors; it starts processing customer data on 2026-08-01.',
      },
      {
        id: expect.stringMatching(/^https:\/\/test\.example\/updates\/#change-[0-9a-f]{16}$/),
        title: 'Page added: Platform Changes',
        updated: '2026-04-20T00:00:00.000Z',
        link: 'https://test.example/launch/',
        summary: 'The page Platform Changes is published.',
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
      expect.objectContaining({ title: 'Page added: Platform Changes' }),
    ]);
  });

  it('are listed on the updates page by month, linked to the subprocessors, with the feeds to subscribe to', () => {
    const { page } = builds[0]!;
    expect(page).toContain('<h2 id="month-2026-05">May 2026</h2>');
    const row = /<tr id="change-[0-9a-f]{16}">(?:(?!<\/tr>)[\s\S])*?Cloudline[\s\S]*?<\/tr>/.exec(page)?.[0];
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

  it('never announce a title the trust center did not publish, nor bring back a vendor when its file is deleted', () => {
    const files = listFiles(join(project.root, 'dist/public'));
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const never of ['Project Falcon', 'Nightjar', 'Brief Analytics']) expect(text, file).not.toContain(never);
    }
  });

  it('keep file paths out of the feeds and the updates page', () => {
    for (const text of [builds[0]!.atom, builds[0]!.json, builds[0]!.page]) {
      expect(text).not.toMatch(/content\/(trust|vendors)|\.ya?ml|\.mdx/);
    }
  });

  it('are the same bytes on a second build', () => {
    expect(builds[1]!.status, builds[1]!.output).toBe(0);
    expect(builds[1]!.atom).toBe(builds[0]!.atom);
    expect(builds[1]!.json).toBe(builds[0]!.json);
    expect(builds[1]!.page).toBe(builds[0]!.page);
  });
});

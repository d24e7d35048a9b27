/**
 * Builds a program the way a user does and checks the published folders: confidentiality (canaries), that a
 * failed build leaves the last good dist/ alone, that builds are reproducible, and the security basics of
 * the output (no inline scripts, escaped frontmatter, headers file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteTexts } from '../../src/integration/leak-scan-fs.ts';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { sites, type Site } from '../../src/site/sites.ts';
import { edit } from '../helpers/program.ts';
import { startStaticServer } from '../../src/preview/static-server.ts';
import { canaries, canaryEvidenceFile, canaryProgram } from './canaries.ts';
import { createProject, type BuildProject } from './project.ts';

let project: BuildProject;
let firstBuild: { status: number; output: string };
const texts = new Map<Site, string>();

beforeAll(() => {
  project = createProject(canaryProgram());
  firstBuild = project.build();
  for (const site of sites) {
    const dir = join(project.root, 'dist', site);
    const all = [...siteTexts(dir, 'pages'), ...siteTexts(dir, 'search-index')].map((entry) => entry.text).join('\n');
    texts.set(site, all.toLowerCase());
  }
}, 180_000);
afterAll(() => project?.remove());

describe('the published sites', () => {
  it('build from the canary program', () => {
    expect(firstBuild.output).toContain('leak scan clean');
    expect(firstBuild.status).toBe(0);
  });

  for (const [name, canary] of Object.entries(canaries)) {
    it(`show the ${name} canary only where its audience may see it`, () => {
      for (const site of sites) {
        const present = texts.get(site)!.includes(canary.text.toLowerCase());
        expect({ site, present }).toEqual({ site, present: (canary.sites as readonly string[]).includes(site) });
      }
    });
  }

  it('serve an evidence file kept in the repository from the auditor site, byte for byte, as a download', async () => {
    const page = readFileSync(join(project.root, 'dist/auditors/evidence/EV-BASE-01/index.html'), 'utf8');
    const link = /href="([^"]*evidence-files\/[^"]+)"/.exec(page)?.[1];
    expect(link).toBe('../../evidence-files/EV-BASE-01/2026-q2-baseline-review.csv');
    const server = await startStaticServer(join(project.root, 'dist/auditors'));
    try {
      const response = await fetch(new URL(link!, `${server.origin}/evidence/EV-BASE-01/`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment');
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(canaryEvidenceFile.text));
    } finally {
      await server.stop();
    }
  });

  it('put no evidence file on the trust center or the employee portal, under any name', () => {
    const bytes = Buffer.from(canaryEvidenceFile.text);
    for (const site of ['public', 'employees'] as const) {
      const files = listFiles(join(project.root, 'dist', site));
      expect(files.length).toBeGreaterThan(5);
      expect({ site, copies: files.filter((file) => readFileSync(file).includes(bytes)) }).toEqual({
        site,
        copies: [],
      });
      expect(files.filter((file) => file.includes('evidence-files'))).toEqual([]);
    }
    expect(
      readFileSync(join(project.root, 'dist/auditors/evidence-files/EV-BASE-01/2026-q2-baseline-review.csv')),
    ).toEqual(bytes);
  });

  it('contain no inline script, so the Content Security Policy needs no exception for one', () => {
    for (const site of sites) {
      for (const file of listFiles(join(project.root, 'dist', site)).filter((path) => path.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
          (match) => !/\bsrc=/.test(match[1]!) && match[2]!.trim() !== '',
        );
        expect({ file, inline: inline.length }).toEqual({ file, inline: 0 });
        expect(html).toContain('http-equiv="Content-Security-Policy"');
      }
    }
  });

  it('give each site a headers file, and keep the private ones out of search engines', () => {
    expect(readFileSync(join(project.root, 'dist/public/_headers'), 'utf8')).toContain("frame-ancestors 'none'");
    expect(readFileSync(join(project.root, 'dist/public/_headers'), 'utf8')).not.toContain('noindex');
    expect(readFileSync(join(project.root, 'dist/auditors/_headers'), 'utf8')).toContain('X-Robots-Tag: noindex');
  });
});

describe('builds', () => {
  it('are byte-identical for the same input and evaluation date', () => {
    const before = project.distHashes();
    const again = project.build();
    expect(again.status).toBe(0);
    expect(project.distHashes()).toEqual(before);
  }, 180_000);

  it('leave the last good dist/ untouched when the program has an error', () => {
    const before = project.distHashes();
    expect(before.size).toBeGreaterThan(50);
    const policy = 'policies/acceptable-use.mdx';
    const original = readFileSync(join(project.root, policy), 'utf8');
    writeFileSync(join(project.root, policy), original.replace('approved: 2026-03-01', 'approved: 2026-02-30'));
    try {
      const failed = project.build();
      expect(failed.status).not.toBe(0);
      expect(failed.output).toContain('TB103');
      expect(failed.output).not.toMatch(/^\s+at .*\.(js|ts|mjs):\d+/m);
      expect(failed.output).toContain('`npm run check` shows the same list faster');
      expect(failed.output).not.toContain('Browser APIs');
      expect(project.distHashes()).toEqual(before);
    } finally {
      writeFileSync(join(project.root, policy), original);
    }
  }, 180_000);

  it('escape HTML written into frontmatter instead of running it', () => {
    const script = '<script>alert("x")</script>';
    project.write(
      edit(canaryProgram(), 'policies/acceptable-use.mdx', 'title: acceptable-use policy', `title: 'Use ${script}'`),
    );
    const built = project.build();
    expect(built.status).toBe(0);
    const html = readFileSync(join(project.root, 'dist/public/policies/acceptable-use/index.html'), 'utf8');
    expect(html).not.toContain(script);
    expect(html).toContain('&lt;script&gt;');
  }, 180_000);
});

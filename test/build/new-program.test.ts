/** A program straight from `trustbook init` builds three sites whose links all lead somewhere. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programFiles } from '../../src/scaffold/program-tree.ts';
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
    website: 'https://fresh.example',
    contact: 'security@fresh.example',
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
});

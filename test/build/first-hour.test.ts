/**
 * The first hour of a new company: a program straight from `init` (with no website or contact given, so the
 * example.com defaults are in) builds, and its trust center shows no template text, no `<Todo>` box and no
 * default address, and no policy nobody has approved; once a script fills every placeholder and records the
 * approvals, the check is clean of them and the trust center publishes what was held back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programFiles } from '../../src/scaffold/program-tree.ts';
import { bodyPlaceholders } from '../../src/engine/placeholders.ts';
import { parseFrontmatterDocument } from '../../src/engine/frontmatter.ts';
import { words } from '../../src/integration/leak-scan.ts';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { check, type Files } from '../helpers/program.ts';
import { createProject, type BuildProject } from './project.ts';

const files: Files = Object.fromEntries(
  programFiles({
    organization: 'Harbor Lane Analytics',
    system: 'Harbor Lane Platform',
    website: 'https://example.com',
    contact: 'security@example.com',
    scope: ['security', 'confidentiality'],
    today: '2026-11-26',
  }),
);

/** Every sentence of template guidance the new program holds, from the `<Todo>` elements of its files. */
const templateSentences = Object.entries(files)
  .filter(([path]) => path.endsWith('.mdx'))
  .flatMap(([path, text]) => {
    const { body, bodyLine } = parseFrontmatterDocument(text);
    return bodyPlaceholders(body, bodyLine, path).filter((placeholder) => placeholder.kind === 'todo');
  })
  .flatMap((placeholder) => placeholder.text.split(/(?<=[.:])\s+/))
  .map((sentence) => words(sentence).join(' '))
  .filter((sentence) => sentence.split(' ').length >= 5);

/** The text of every file of the built trust center, as words. */
function publicTexts(root: string): Map<string, string> {
  const site = join(root, 'dist/public');
  return new Map(
    listFiles(site)
      .filter((file) => /\.(html|txt|xml|json)$/.test(file))
      .map((file) => [file.slice(site.length + 1), readFileSync(file, 'utf8')]),
  );
}

/**
 * What a company does in its first hour: writes the text each `<Todo>` asks for and its own addresses, and has
 * its policies approved (the approval the templates leave commented out, recorded).
 */
function filled(program: Files): Files {
  return Object.fromEntries(
    Object.entries(program).map(([path, text]) => [
      path,
      text
        .replace(/<Todo>[\s\S]*?<\/Todo>/g, 'Harbor Lane Analytics wrote this section in its own words.')
        .replaceAll('example.com', 'harborlane.example')
        .replace(/^# approved_by: ([\w-]+).*\n# approved: .*$/m, 'approved_by: $1\napproved: 2026-11-26'),
    ]),
  );
}

let project: BuildProject;
let first: { status: number; output: string };
let firstTexts: Map<string, string>;

beforeAll(() => {
  project = createProject(files);
  first = project.build();
  firstTexts = publicTexts(project.root);
}, 180_000);
afterAll(() => project?.remove());

describe('the first hour of a new program', () => {
  it('has template guidance to look for: the trust page, the system description and the evidence series', () => {
    expect(templateSentences.length).toBeGreaterThan(20);
    expect(templateSentences).toContain(
      words('Describe in a few paragraphs how Harbor Lane Analytics protects customer data:').join(' '),
    );
  });

  it('builds right after init, and the trust center shows no template sentence, marker or default address', () => {
    expect(first.output).toContain('leak scan clean');
    expect(first.status).toBe(0);
    expect(firstTexts.size).toBeGreaterThan(3);
    const shown: string[] = [];
    for (const [file, text] of firstTexts) {
      const flat = words(text).join(' ');
      for (const sentence of templateSentences) if (flat.includes(sentence)) shown.push(`${file}: ${sentence}`);
      if (text.includes('data-todo')) shown.push(`${file}: a <Todo> box`);
      if (/example\.com/.test(text)) shown.push(`${file}: an example.com address`);
    }
    expect(shown).toEqual([]);
  });

  it('leaves out what is unfinished (public policies nobody has approved, security.txt, sitemap, feed) and publishes the rest', () => {
    expect(firstTexts.has('policies/information-security/index.html')).toBe(false);
    expect(firstTexts.has('policies/acceptable-use/index.html')).toBe(false);
    expect(existsSync(join(project.root, 'dist/public/.well-known/security.txt'))).toBe(false);
    expect(existsSync(join(project.root, 'dist/public/sitemap.xml'))).toBe(false);
    expect(existsSync(join(project.root, 'dist/public/subprocessors.xml'))).toBe(false);
    expect(firstTexts.get('index.html')).toContain('Security at Harbor Lane Analytics');
  });

  it('shows the to-do boxes on the private sites, where the company works on them', () => {
    const description = readFileSync(join(project.root, 'dist/auditors/system-description/index.html'), 'utf8');
    expect(description).toContain('data-todo');
    expect(description).toContain('Describe the services Harbor Lane Analytics provides');
  });

  it('once a script fills every placeholder, the check has none left and the trust center publishes it all', () => {
    const done = filled(files);
    const result = check(done, { today: '2026-11-26' });
    expect(result.diagnostics.filter((d) => ['TB320', 'TB321', 'TB214'].includes(d.code))).toEqual([]);
    expect(result.summary.errors).toBe(0);
    project.write(done);
    const second = project.build();
    expect(second.status).toBe(0);
    const texts = publicTexts(project.root);
    expect(texts.get('.well-known/security.txt')).toContain('mailto:security@harborlane.example');
    expect(texts.get('index.html')).toContain('Harbor Lane Analytics wrote this section in its own words.');
    expect(texts.has('policies/information-security/index.html')).toBe(true);
    expect(texts.has('policies/acceptable-use/index.html')).toBe(true);
  }, 180_000);
});

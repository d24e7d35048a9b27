/** The evidence page links each file the check verified to its copy on the auditor site, and no other. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import EvidencePage from '../../src/routes/auditors/evidence/[id].astro';
import { checkProject } from '../../src/engine/index.ts';
import { auditorProjections } from '../../src/site/views/auditor.ts';
import { edit, validProgram, writeProgram } from '../helpers/program.ts';
import { renderAt } from './render.ts';

// The route's getStaticPaths reads the build's hand-over, which a rendered page does not need.
vi.mock('virtual:trustbook/data', () => ({ siteData: () => undefined, heldSiteData: () => undefined }));

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const content = 'user,system,decision\nada,crm,keep\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const root = mkdtempSync(join(tmpdir(), 'trustbook-evidence-page-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the evidence page', () => {
  it('offers a verified file as a download, relative to the page, and a file that fails its hash not at all', async () => {
    let files = edit(
      validProgram(),
      EVIDENCE,
      'location: "https://docs.test.example/q1.pdf"',
      `file: "files/q1 review.csv", sha256: ${sha(content)}`,
    );
    files = edit(
      files,
      EVIDENCE,
      'location: "https://docs.test.example/q2.pdf"',
      `file: files/q2.csv, sha256: ${sha('something else')}`,
    );
    writeProgram(root, {
      ...files,
      'evidence-index/files/q1 review.csv': content,
      'evidence-index/files/q2.csv': content,
    });
    const result = checkProject(root, { today: '2026-07-15' });
    const series = auditorProjections(result).evidence.find((entry) => entry.id === 'EV-BASE-01')!;
    const data = { result, history: new Map(), trustChanges: [], grantFiles: [], trustDocumentFiles: new Map() };
    const html = await renderAt(EvidencePage, '/auditors/evidence/EV-BASE-01/', data, { series });
    expect(html).toContain('href="../../evidence-files/EV-BASE-01/q1%20review.csv" download=""');
    expect(html).toContain('>q1 review.csv</a>');
    expect(html).not.toContain('evidence-files/EV-BASE-01/q2.csv');
    expect(html).toContain('evidence-index/files/q2.csv');
  });
});

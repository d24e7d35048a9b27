/**
 * Tenant isolation across a partner's workspace: each client of the sample gets markers of its own (in a policy's
 * body, in a control's narrative, in an evidence note only auditors see), `trustbook build --workspace` builds
 * them all, and no client's marker turns up in another client's sites or anywhere in the portfolio, which shows
 * figures, ids, titles, owners and paths, never a document's text.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { edit, sampleWorkspace } from '../workspace/sample-history.ts';

const repository = resolve(import.meta.dirname, '../..');
// Inside the repository, as the other build projects are: the clients import `trustbook` by the package's name.
const parent = join(repository, '.trustbook/test-builds');
mkdirSync(parent, { recursive: true });
const root = join(mkdtempSync(join(parent, 'isolation-')), 'workspace');

const clients = ['alder', 'birch', 'cedar'] as const;
const places = ['policy', 'control', 'note'] as const;
const marker = (client: string, place: string) => `tenant-${client}-${place}-zq9`;

/** Every file of a folder as text, gzip-compressed ones (the search index's fragments) unpacked. */
function textsUnder(folder: string): { file: string; text: string }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const bytes = readFileSync(path);
      const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
      return { file: relative(folder, path), text: (gzip ? gunzipSync(bytes) : bytes).toString('utf8') };
    });
}

/** The markers found in a folder's files, each with the first file that holds it. */
function markersIn(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of textsUnder(folder)) {
    for (const client of clients) {
      for (const place of places) {
        const planted = marker(client, place);
        if (text.includes(planted) && !found.has(planted)) found.set(planted, file);
      }
    }
  }
  return found;
}

beforeAll(async () => {
  cpSync(sampleWorkspace, root, { recursive: true });
  for (const client of clients) {
    const folder = `clients/${client}`;
    edit(
      root,
      `${folder}/policies/information-security.mdx`,
      (text) => `${text}\nNoted: ${marker(client, 'policy')}.\n`,
    );
    edit(root, `${folder}/content/controls/BASE-01.mdx`, (text) => `${text}\nNoted: ${marker(client, 'control')}.\n`);
    edit(root, `${folder}/evidence-index/EV-BASE-01.mdx`, (text) =>
      text.replace(/(period: 2026-Q2, )/, `$1note: "${marker(client, 'note')}", `),
    );
  }
  const build = await runCli(root, ['build', '--workspace'], { ...process.env } as Record<string, string>);
  if (build.code !== 0) throw new Error(`build --workspace failed:\n${build.stdout}\n${build.stderr}`);
}, 600_000);

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('tenant isolation in build --workspace', () => {
  it.each(clients)("renders %s's markers in its own sites and in no other client's", (client) => {
    const own = markersIn(join(root, 'dist', client));
    // Each marker is rendered somewhere in its client's sites: the test would prove nothing otherwise.
    expect([...own.keys()].filter((text) => text.includes(`-${client}-`)).sort()).toEqual(
      places.map((place) => marker(client, place)).sort(),
    );
    expect([...own.entries()].filter(([text]) => !text.includes(`-${client}-`))).toEqual([]);
  });

  it('puts the evidence note on the auditor site only', () => {
    for (const client of clients) {
      expect(markersIn(join(root, 'dist', client, 'auditors')).has(marker(client, 'note'))).toBe(true);
      for (const site of ['public', 'employees']) {
        expect(markersIn(join(root, 'dist', client, site)).has(marker(client, 'note')), site).toBe(false);
      }
    }
  });

  it("shows no client's text in the portfolio, only the figures and names it chose", () => {
    expect([...markersIn(join(root, 'dist/portfolio')).entries()]).toEqual([]);
    const page = readFileSync(join(root, 'dist/portfolio/index.html'), 'utf8');
    for (const organization of ['Alder Analytics', 'Birch Logistics', 'Cedar Health']) {
      expect(page).toContain(organization);
    }
  });
});

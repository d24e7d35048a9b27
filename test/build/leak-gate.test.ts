/** The leak scan is a gate: a page that shows what its audience may not see stops the publish. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantKey } from '../../src/engine/grants.ts';
import { publishSites, type ScanOptions } from '../../src/integration/publish.ts';
import { sites } from '../../src/site/sites.ts';
import { check, edit, type Files } from '../helpers/program.ts';
import { canaries, canaryProgram } from './canaries.ts';
import { createProject } from './project.ts';

let root: string;
const paths = () => ({ astroOut: join(root, 'astro'), staging: join(root, 'sites'), dist: join(root, 'dist'), root });
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>x</title></head><body><main data-pagefind-body><h1>Page</h1><p>${body}</p></main></body></html>`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-gate-'));
  for (const site of sites) {
    mkdirSync(join(root, 'astro', site), { recursive: true });
    writeFileSync(join(root, 'astro', site, 'index.html'), page('Nothing to hide here.'));
  }
  mkdirSync(join(root, 'dist/public'), { recursive: true });
  writeFileSync(join(root, 'dist/public/index.html'), 'the last good build');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('publishing', () => {
  it('stops when a public page holds an auditor-only narrative, leaving dist/ as it was', async () => {
    const narrative = `Narrative ${canaries.controlNarrative.text}. The security lead runs the baseline program every quarter.`;
    writeFileSync(join(root, 'astro/public/index.html'), page(narrative));
    const outcome = await publishSites(check(canaryProgram()), paths());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect([...outcome.leaks.keys()]).toEqual(['public']);
    expect(outcome.leaks.get('public')![0]).toMatchObject({
      file: 'index.html',
      source: 'content/controls/BASE-01.mdx',
    });
    expect(readFileSync(join(root, 'dist/public/index.html'), 'utf8')).toBe('the last good build');
  }, 60_000);

  it('stops when a file of the trust center holds part of a document under NDA, whatever kind of file it is', async () => {
    const report = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + (index >> 3)) % 251));
    const program = {
      ...canaryProgram(),
      'content/trust/documents/report.yaml': 'title: SOC 2 report\nfile: content/trust/files/report.pdf\naccess: nda\n',
    };
    mkdirSync(join(root, 'content/trust/files'), { recursive: true });
    writeFileSync(join(root, 'content/trust/files/report.pdf'), report);
    // A slice from the middle of the report, inside a file no word scan reads.
    mkdirSync(join(root, 'astro/public/files'), { recursive: true });
    writeFileSync(
      join(root, 'astro/public/files/appendix.bin'),
      Buffer.concat([Buffer.from('x'), report.subarray(1000, 1400)]),
    );
    const outcome = await publishSites(check(program), paths());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.leaks.get('public')).toEqual([
      { file: 'files/appendix.bin', text: '32 bytes of the document', source: 'content/trust/documents/report.yaml' },
    ]);
    expect(readFileSync(join(root, 'dist/public/index.html'), 'utf8')).toBe('the last good build');
  }, 60_000);

  it('publishes clean sites, each with its own search index', async () => {
    const outcome = await publishSites(check(canaryProgram()), paths());
    expect(outcome).toEqual({ ok: true, pages: { public: 1, employees: 1, auditors: 1 } });
    for (const site of sites)
      expect(readFileSync(join(root, 'dist', site, 'pagefind/pagefind.js'), 'utf8').length).toBeGreaterThan(0);
  }, 60_000);
});

/** A private text of the canary program, and names the old scan never looked for. */
const narrative = `${canaries.controlNarrative.text} The security lead runs the baseline program every quarter`;
const secret = 'Zq7-Hs2Lw9+Pd4/Mx8Rt1Vb6Yc3Nf5Kj0Ge2Ua8Wo4';
const grant = `name: Bo Li\nemail: bo@kip.test\norganization: Kip IO\ngranted: 2026-07-01\nexpires: 2026-12-31\nnda_version: "${'0'.repeat(64)}"\ndocuments: [soc2-report]\n`;

function plantProgram(): Files {
  let files = canaryProgram();
  files = edit(
    files,
    'content/people.yaml',
    '{ id: ada,',
    '{ id: cy, name: Cyrenne, role: ceo, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2025-02-01, 2026-02-01] }\n  - { id: ada,',
  );
  return {
    ...files,
    'content/vendors/zorbex.yaml':
      'id: zorbex\nname: Zorbex\npurpose: Internal build cache.\ndata: []\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n',
    'content/vendors/kip-io.yaml':
      'id: kip-io\nname: Kip IO\npurpose: Internal chat bridge.\ndata: []\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n',
    'content/trust/grants/kip.yaml': grant,
  };
}

/**
 * Plants files in the trust center's build output, publishes, and returns the leaks found there; the last
 * good dist/ must be left as it was.
 */
async function plant(files: Record<string, string | Uint8Array>, options: ScanOptions = {}, program = plantProgram()) {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, 'astro/public', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const outcome = await publishSites(check(program), paths(), options);
  expect(readFileSync(join(root, 'dist/public/index.html'), 'utf8')).toBe('the last good build');
  expect(outcome.ok).toBe(false);
  const leaks = outcome.ok ? [] : (outcome.leaks.get('public') ?? []);
  // The search index repeats what a planted page says; the plants are what is asserted.
  return leaks.filter((leak) => !leak.file.startsWith('pagefind/') || leak.file.includes('planted'));
}

describe('the leak scan has no blind spots: each plant stops the publish', () => {
  it('reads files of every extension: CSV, Markdown, YAML, unknown types', async () => {
    const leaks = await plant({
      'answers.csv': `question,answer\nHow?,"${narrative}"\n`,
      'notes.md': `# Notes\n\n${narrative}\n`,
      'data/team.yaml': `owner: Cyrenne\n`,
      'files/blob.dat': `Zorbex`,
    });
    expect(leaks.map((leak) => leak.file).sort()).toEqual([
      'answers.csv',
      'data/team.yaml',
      'files/blob.dat',
      'notes.md',
    ]);
  }, 60_000);

  it('opens zip, gzip and tar archives, and refuses one it cannot open', async () => {
    const tar = Buffer.alloc(1536);
    tar.write('team.txt', 0);
    tar.write('0000644\0', 100);
    tar.write(`${narrative.length.toString(8).padStart(11, '0')}\0`, 124);
    tar.write('0', 156);
    tar.write('ustar\0', 257);
    tar.write(narrative, 512);
    const leaks = await plant({
      'files/export.zip': zipSync({ 'sheet.xml': new TextEncoder().encode(`<c>${narrative}</c>`) }),
      'files/log.txt.gz': gzipSync(`owner: Kip IO`),
      'files/bundle.tar.gz': gzipSync(tar),
      'files/old.tar.xz': Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]),
    });
    expect(Object.fromEntries(leaks.map((leak) => [leak.file, leak.text]))).toEqual({
      'files/export.zip/sheet.xml': expect.stringContaining('security lead runs'),
      'files/log.txt': 'kip io',
      'files/bundle.tar/team.txt': expect.stringContaining('security lead runs'),
      'files/old.tar.xz': expect.stringContaining('cannot open'),
    });
  }, 60_000);

  it('reads the search index as UTF-8', async () => {
    const program = edit(plantProgram(), 'content/people.yaml', 'name: Cyrenne', 'name: Zoë Ørsted');
    const leaks = await plant(
      { 'pagefind/fragment/planted.pf_fragment': gzipSync('pagefind_dcd{"content":"Zoë Ørsted"}') },
      {},
      program,
    );
    expect(leaks).toEqual([
      expect.objectContaining({ file: 'pagefind/fragment/planted.pf_fragment', text: 'zoë ørsted' }),
    ]);
  }, 60_000);

  it('finds a one-word vendor, a short two-word name and a one-word staff name', async () => {
    const leaks = await plant({
      'a/index.html': page('Built with Zorbex.'),
      'b/index.html': page('Chat runs on Kip IO.'),
      'c/index.html': page('Ask Cyrenne.'),
    });
    expect(leaks.map((leak) => leak.text).sort()).toEqual(['cyrenne', 'kip io', 'zorbex']);
  }, 60_000);

  it('sees through invisible characters, full-width letters, inline markup and entities', async () => {
    const leaks = await plant({
      'a/index.html': page('Built with Zor\u200bbex.'),
      'b/index.html': page('Built with Ｚｏｒｂｅｘ.'),
      'c/index.html': page('Built with Zor<b>be</b>x.'),
      'd/index.html': page('Built with Zor&shy;bex.'),
    });
    expect(leaks.map((leak) => [leak.file, leak.text])).toEqual(
      ['a', 'b', 'c', 'd'].map((folder) => [`${folder}/index.html`, 'zorbex']),
    );
  }, 60_000);

  it('reads comments and attributes', async () => {
    const leaks = await plant({
      'e/index.html': page('<!-- Zorbex -->Nothing here.'),
      'f/index.html': page('<span data-vendor="Zorbex">Nothing here.</span>'),
      'g/index.html': page('<img alt="Zorbex logo" src="x.png">'),
    });
    expect(leaks.map((leak) => [leak.file, leak.text])).toEqual(
      ['e', 'f', 'g'].map((folder) => [`${folder}/index.html`, 'zorbex']),
    );
  }, 60_000);

  it('reads JSON strings decoded and calendar lines unfolded', async () => {
    const leaks = await plant({
      'data.json': '{"vendor":"Zorb\\u0065x"}',
      'calendar.ics': 'BEGIN:VCALENDAR\r\nSUMMARY:Review with Cyr\r\n enne\r\nEND:VCALENDAR\r\n',
    });
    expect(leaks.map((leak) => [leak.file, leak.text]).sort()).toEqual([
      ['calendar.ics', 'cyrenne'],
      ['data.json', 'zorbex'],
    ]);
  }, 60_000);

  it('allows only what public bodies render: an import path does not allow a private name', async () => {
    const program = {
      ...plantProgram(),
      'content/trust/overview.mdx':
        "---\ntitle: Security overview\norder: 1\n---\nimport Mark from '../../public/zorbex.svg';\n\nHow we protect data.\n",
    };
    const leaks = await plant({ 'a/index.html': page('Built with Zorbex.') }, {}, program);
    expect(leaks).toEqual([expect.objectContaining({ text: 'zorbex', source: 'content/vendors/zorbex.yaml name' })]);
  }, 60_000);

  it('forbids the title and body of a public policy withheld for a placeholder', async () => {
    let program = edit(plantProgram(), 'policies/acceptable-use.mdx', /^title: .*$/m, 'title: Quillmarsh Device Rules');
    program = edit(
      program,
      'policies/acceptable-use.mdx',
      'The acceptable-use policy',
      '<Todo>List the devices.</Todo>\n\nThe acceptable-use policy',
    );
    const leaks = await plant({ 'a/index.html': page('Read our Quillmarsh Device Rules.') }, {}, program);
    expect(leaks).toEqual([expect.objectContaining({ source: 'policies/acceptable-use.mdx title' })]);
  }, 60_000);

  it('forbids a past title the trust center never showed', async () => {
    const history = [
      { subject: 'Project Falcon Launch', published: false, name: false, current: undefined, shownAtEnd: false },
    ];
    const leaks = await plant({ 'updates.json': '{"title":"Page added: Project Falcon Launch"}' }, { history });
    expect(leaks).toEqual([expect.objectContaining({ file: 'updates.json', text: 'project falcon launch' })]);
  }, 60_000);

  it('forbids the grant secret and every key derived from it, in any encoding, without quoting them', async () => {
    const key = grantKey(secret, { id: 'kip', data: { email: 'bo@kip.test', granted: '2026-07-01' } });
    const leaks = await plant(
      {
        'a/index.html': page(`Debug: ${secret.replace('Lw9', '<b>Lw9</b>')}`),
        'b.txt': key.toString('hex'),
        'c.json': JSON.stringify({ blob: Buffer.concat([Buffer.from('xy'), key]).toString('base64') }),
        'd.bin': Buffer.concat([Buffer.from([0, 1, 2]), key]),
      },
      { grantSecret: secret },
    );
    expect(Object.fromEntries(leaks.map((leak) => [leak.file, leak.source]))).toEqual({
      'a/index.html': 'the grant secret',
      'b.txt': 'the key of grant kip, in hex',
      'c.json': 'the key of grant kip, in base64',
      'd.bin': 'the key of grant kip',
    });
    for (const leak of leaks) expect(leak.text).not.toContain(secret.slice(0, 8).toLowerCase());
  }, 60_000);
});

describe('the newest documents are forbidden where their audience stops', () => {
  it('stops when a public page quotes a justification of the Statement of Applicability', async () => {
    const justification = `We keep no premises ${canaries.soaJustification.text}.`;
    const leaks = await plant({ 'a/index.html': page(`Why: ${justification}`) }, {}, canaryProgram());
    expect(leaks).toEqual([
      expect.objectContaining({ file: 'a/index.html', source: expect.stringContaining('statement-of-applicability') }),
    ]);
  }, 60_000);

  it('stops when the trust center or the employee portal names a grant recipient or their email', async () => {
    const name = canaries.grantRecipientName.text;
    const email = canaries.grantRecipientEmail.text;
    writeFileSync(join(root, 'astro/public/index.html'), page(`Shared with ${email}.`));
    writeFileSync(join(root, 'astro/employees/index.html'), page(`Shared with ${name} of the clinic.`));
    const outcome = await publishSites(check(canaryProgram()), paths());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const pages = (site: 'public' | 'employees') =>
      (outcome.leaks.get(site) ?? []).filter((leak) => !leak.file.startsWith('pagefind/')).map((leak) => leak.file);
    expect(pages('public')).toContain('index.html');
    expect(pages('employees')).toContain('index.html');
    expect(readFileSync(join(root, 'dist/public/index.html'), 'utf8')).toBe('the last good build');
  }, 60_000);

  it('lets the employee portal name the organization a grant was given to', async () => {
    writeFileSync(join(root, 'astro/employees/index.html'), page(`Shared with ${canaries.grantOrganization.text}.`));
    const outcome = await publishSites(check(canaryProgram()), paths());
    expect(outcome.ok ? [] : [...outcome.leaks.keys()]).toEqual([]);
  }, 60_000);
});

describe('a real build whose pages compute a private name', () => {
  it('stops the publish, whatever the MDX source imports, and leaves the last good dist/ as it was', () => {
    // A program the check passes: without the grant, whose documents and NDA the plants above do not need.
    const program = Object.entries(plantProgram()).filter(([path]) => !path.startsWith('content/trust/grants/'));
    const project = createProject(Object.fromEntries(program));
    try {
      const first = project.build();
      expect(first.status, first.output).toBe(0);
      const before = project.distHashes();
      project.write({
        // The import path spells the vendor's name: it must not make the name allowed.
        'assets/zorbex-cache.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>\n',
        'content/vendors/zorbex.yaml':
          'id: zorbex\nname: Zorbex Cache\npurpose: Internal build cache.\ndata: []\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n',
        'content/trust/built-with.mdx':
          "---\ntitle: Built with\n---\nimport Mark from '../../assets/zorbex-cache.svg';\n\nWe build with {['Zorbex', 'Cache'].join(' ')}.\n",
        'content/trust/team.mdx': "---\ntitle: Our team\n---\n\nAsk {'Cyr' + 'enne'} about security.\n",
      });
      const second = project.build();
      expect(second.status).not.toBe(0);
      expect(second.output).toContain('The leak scan found text');
      expect(second.output).toMatch(
        /public\/built-with\/index\.html: "zorbex cache" \(from content\/vendors\/zorbex\.yaml name\)/,
      );
      expect(second.output).toMatch(/public\/team\/index\.html: "cyrenne" \(from content\/people\.yaml cy\)/);
      expect(project.distHashes()).toEqual(before);
    } finally {
      project.remove();
    }
  }, 360_000);
});

/**
 * Grants in a real build: the trust center publishes ciphertext only, the same bytes for the same secret, and
 * nothing at all without a secret; a planted canary in the document under NDA is in no file of any site.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOY_ENV, GRANT_SECRET_ENV, grantKey, grantToken } from '../../src/engine/grants.ts';
import { listFiles } from '../../src/integration/publish-fs.ts';
import { TEST_SALT, withGrant } from '../helpers/grants.ts';
import { createProject, type BuildProject } from './project.ts';

const SECRET = 'tbgs1_rEbHYcJ9NmCSlJXS5Xi1ck_Pnu3c-n-QIlqWQ-m6bvI';
const CANARY = 'CANARY-4b9f-UNDER-NDA';

let project: BuildProject;

async function reportPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage();
  const name = page.node.newFontDictionary(font.name, font.ref);
  page.node.addContentStream(
    pdf.context.register(pdf.context.stream(`BT /${name.asString().slice(1)} 12 Tf 50 700 Td (${CANARY}) Tj ET`)),
  );
  return pdf.save({ useObjectStreams: false });
}

function build(secret: string | undefined, deploy = false) {
  const saved = { secret: process.env[GRANT_SECRET_ENV], deploy: process.env[DEPLOY_ENV] };
  if (secret === undefined) delete process.env[GRANT_SECRET_ENV];
  else process.env[GRANT_SECRET_ENV] = secret;
  if (deploy) process.env[DEPLOY_ENV] = '1';
  else delete process.env[DEPLOY_ENV];
  try {
    return project.build();
  } finally {
    for (const [name, value] of [
      [GRANT_SECRET_ENV, saved.secret],
      [DEPLOY_ENV, saved.deploy],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

beforeAll(async () => {
  // The program is evaluated as of 2026-07-15: one grant is current, the other ended in March.
  const expired = withGrant({ granted: '2026-01-05', expires: '2026-03-31', email: 'old@harbor.example' });
  project = createProject({
    ...withGrant({ granted: '2026-07-01', expires: '2026-12-31' }),
    'content/trust/grants/expired.yaml': expired['content/trust/grants/northwind.yaml']!,
  });
  mkdirSync(join(project.root, 'content/trust/files'), { recursive: true });
  writeFileSync(join(project.root, 'content/trust/files/report.pdf'), await reportPdf());
});

afterAll(() => project.remove());

describe('grants in a build', () => {
  it('publishes each grant’s files as ciphertext, identical on a second build, and the canary nowhere', () => {
    const first = build(SECRET);
    expect(first.status, first.output).toBe(0);
    const dist = join(project.root, 'dist');
    const current = grantToken(
      grantKey(SECRET, {
        id: 'northwind',
        data: { email: 'priya@northwind.example', granted: '2026-07-01', salt: TEST_SALT },
      }),
    );
    const expired = grantToken(
      grantKey(SECRET, {
        id: 'expired',
        data: { email: 'old@harbor.example', granted: '2026-01-05', salt: TEST_SALT },
      }),
    );
    const access = join(dist, 'public/access');
    expect(existsSync(join(access, 'index.html'))).toBe(true);
    expect(existsSync(join(access, `${current}.json`))).toBe(true);
    expect(existsSync(join(access, `${current}/1.bin`))).toBe(true);
    expect(JSON.parse(readFileSync(join(access, `${expired}.json`), 'utf8'))).toEqual({
      version: 2,
      expired: '2026-03-31',
    });
    expect(existsSync(join(access, expired))).toBe(false);
    for (const file of listFiles(dist)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(CANARY), file).toBe(false);
      expect(bytes.includes('Priya Raman') && file.includes('/public/'), file).toBe(false);
    }
    // The log of what was given is beside the sites, in no site, and names the stamped copy's hash.
    const log = JSON.parse(readFileSync(join(dist, 'grant-log.json'), 'utf8')) as {
      grants: { grant: string; documents: { sha256: string }[] }[];
    };
    expect(log.grants.map((grant) => grant.grant)).toEqual(['northwind']);
    expect(log.grants[0]!.documents[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(listFiles(dist).filter((file) => file.endsWith('grant-log.json'))).toEqual([join(dist, 'grant-log.json')]);
    const hashes = project.distHashes();
    const second = build(SECRET);
    expect(second.status, second.output).toBe(0);
    expect(project.distHashes()).toEqual(hashes);
  });

  it('refuses a deployed build without the secret while grants are current, keeping the last good dist/', () => {
    const before = project.distHashes();
    const result = build(undefined, true);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/error TB536 TRUSTBOOK_GRANT_SECRET is not set[\s\S]*this is the deployed build/);
    expect(project.distHashes()).toEqual(before);
  });

  it('publishes no access page and no grant file without a secret, and says so', () => {
    const result = build(undefined);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/TB536/);
    expect(existsSync(join(project.root, 'dist/public/access'))).toBe(false);
  });
});

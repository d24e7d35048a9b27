/** What the trust center publishes for grants: ciphertext a recipient's key opens, stamped with their name. */
import { createDecipheriv, createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { paddedLength, unpad } from '../../src/engine/grant-protocol.ts';
import { grantKey, grantKeys, grantToken } from '../../src/engine/grants.ts';
import {
  GrantFileError,
  grantFiles,
  sealGrants,
  type GrantFile,
  type GrantManifest,
} from '../../src/trust-center/grant-files.ts';
import { writeProgram } from '../helpers/program.ts';
import { withGrant, TEST_SECRET } from '../helpers/grants.ts';

const SECRET = TEST_SECRET;
const CANARY = 'CANARY-7d1e-NDA-REPORT-TEXT';

let root: string;

/** A two-page report whose text is written uncompressed, so the canary is in its bytes as plain text. */
async function reportPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= 2; number++) {
    const page = pdf.addPage();
    const name = page.node.newFontDictionary(font.name, font.ref);
    const text = pdf.context.stream(`BT /${name.asString().slice(1)} 12 Tf 50 700 Td (${CANARY} page ${number}) Tj ET`);
    page.node.addContentStream(pdf.context.register(text));
  }
  return pdf.save({ useObjectStreams: false });
}

/** What the recipient's browser does: the encryption key derived from the link's key, then the padding off. */
function open(key: Uint8Array, sealed: Uint8Array): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', grantKeys(key).encryption, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const padded = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  return Buffer.from(unpad(padded)!);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

function filesFor(grant: Record<string, string>, asOf = '2026-07-15') {
  writeProgram(root, withGrant(grant));
  return checkProject(root, { asOf, grantSecret: SECRET });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-grants-'));
  writeProgram(root, withGrant());
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(join(root, 'content/trust/files'), { recursive: true });
  writeFileSync(join(root, 'content/trust/files/report.pdf'), await reportPdf());
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the files published for a grant', () => {
  it('are a manifest and the documents, each opened only by the grant’s key, stamped with the recipient on every page', async () => {
    const result = filesFor({});
    const files = await grantFiles(result, root, SECRET);
    const key = grantKey(SECRET, result.model.grants[0]!);
    const token = grantToken(key);
    expect(files.map((file) => file.path).sort()).toEqual([`${token}.json`, `${token}/1.bin`]);
    const envelope = JSON.parse(Buffer.from(files.find((file) => file.path.endsWith('.json'))!.bytes).toString()) as {
      iv: string;
      data: string;
    };
    const manifest = JSON.parse(
      open(key, Buffer.concat([Buffer.from(envelope.iv, 'base64'), Buffer.from(envelope.data, 'base64')])).toString(),
    ) as GrantManifest;
    expect(manifest).toMatchObject({
      grant: 'northwind',
      name: 'Priya Raman',
      organization: 'Northwind Clinics',
      expires: '2026-12-31',
      nda: { title: 'Mutual NDA', blocks: [{ kind: 'paragraph', text: 'Keep it to yourselves.' }] },
      documents: [{ title: 'SOC 2 report', name: 'soc2-report.pdf', type: 'application/pdf', file: '1.bin' }],
    });
    const sealed = files.find((file) => file.path.endsWith('.bin'))!.bytes;
    const text = await pdfText(open(key, sealed));
    expect(text.split('\n')).toHaveLength(2);
    for (const page of text.split('\n')) {
      expect(page).toContain(CANARY);
      expect(page).toContain('Provided under NDA to Priya Raman, Northwind Clinics · grant northwind');
    }
    // Another key opens nothing.
    const other = grantKey(SECRET, { id: 'someone-else', data: { email: 'x@y.example', granted: '2026-07-01' } });
    expect(() => open(other, sealed)).toThrow();
    // The link's key itself opens nothing: only the key derived from it for encryption does.
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    decipher.update(sealed.subarray(12, sealed.length - 16));
    expect(() => decipher.final()).toThrow();
  });

  it('are padded to a bucket, so a file’s size says little of the document', async () => {
    const files = await grantFiles(filesFor({}), root, SECRET);
    const report = files.find((file) => file.path.endsWith('.bin'))!;
    const stamped = open(grantKey(SECRET, filesFor({}).model.grants[0]!), report.bytes);
    expect(report.bytes.length).toBe(12 + paddedLength(stamped.length) + 16);
    const envelope = JSON.parse(Buffer.from(files.find((file) => file.path.endsWith('.json'))!.bytes).toString()) as {
      data: string;
    };
    expect(Buffer.from(envelope.data, 'base64').length).toBe(4096 + 16);
  });

  it('log the SHA-256 of each stamped copy, by grant, for the organization’s records', async () => {
    const result = filesFor({});
    const { files, log } = await sealGrants(result, root, SECRET);
    const stamped = open(
      grantKey(SECRET, result.model.grants[0]!),
      files.find((file) => file.path.endsWith('.bin'))!.bytes,
    );
    expect(log).toEqual([
      {
        grant: 'northwind',
        name: 'Priya Raman',
        email: 'priya@northwind.example',
        organization: 'Northwind Clinics',
        granted: '2026-07-01',
        expires: '2026-12-31',
        nda_version: result.model.grants[0]!.data.nda_version,
        documents: [
          {
            id: 'soc2-report',
            title: 'SOC 2 report',
            sha256: createHash('sha256').update(stamped).digest('hex'),
            stamped: true,
          },
        ],
      },
    ]);
  });

  it('are nothing for a revoked grant: its link finds no file', async () => {
    expect(await grantFiles(filesFor({ revoked: '2026-07-10' }), root, SECRET)).toEqual([]);
  });

  it('never hold the document or its text in clear', async () => {
    // The canary is plain text in the document itself, so its absence below means something.
    expect(Buffer.from(await reportPdf()).includes(CANARY)).toBe(true);
    const files = await grantFiles(filesFor({}), root, SECRET);
    for (const file of files) expect(Buffer.from(file.bytes).includes(CANARY)).toBe(false);
  });

  it('are the same bytes on every build with the same secret', async () => {
    const first = await grantFiles(filesFor({}), root, SECRET);
    const second = await grantFiles(filesFor({}), root, SECRET);
    const bytes = (files: GrantFile[]) => files.map((file) => [file.path, Buffer.from(file.bytes).toString('hex')]);
    expect(bytes(second)).toEqual(bytes(first));
  });

  it('are, for an expired grant, only the day it ended; for a grant not yet open, the day it opens', async () => {
    const expired = await grantFiles(filesFor({ granted: '2026-01-01', expires: '2026-03-01' }), root, SECRET);
    expect(expired).toHaveLength(1);
    expect(JSON.parse(Buffer.from(expired[0]!.bytes).toString())).toEqual({ version: 2, expired: '2026-03-01' });
    const early = await grantFiles(filesFor({ granted: '2026-08-01', expires: '2026-09-01' }), root, SECRET);
    expect(JSON.parse(Buffer.from(early[0]!.bytes).toString())).toEqual({ version: 2, from: '2026-08-01' });
  });

  it('stop the build with the file, the recipient and a fix when a PDF cannot be opened to stamp it', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, 'content/trust/files/report.pdf'), '%PDF-1.7 this is not a PDF after all');
    try {
      const error = await grantFiles(filesFor({}), root, SECRET).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GrantFileError);
      expect(error).toMatchObject({
        file: 'content/trust/documents/soc2-report.yaml',
        hint: expect.stringMatching(/opens without a password/),
      });
      expect((error as Error).message).toMatch(
        /^content\/trust\/files\/report\.pdf could not be stamped for Priya Raman/,
      );
    } finally {
      writeFileSync(join(root, 'content/trust/files/report.pdf'), await reportPdf());
    }
  });

  it('are nothing at all without a secret, or with one too short', async () => {
    expect(await grantFiles(filesFor({}), root, undefined)).toEqual([]);
    expect(await grantFiles(filesFor({}), root, 'short')).toEqual([]);
  });
});

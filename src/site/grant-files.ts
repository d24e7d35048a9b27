/**
 * What the trust center publishes for the grants: ciphertext only. For each current grant, every document it
 * gives is stamped with the recipient's name, organization and grant id (each PDF page), then encrypted with
 * the grant's key (AES-256-GCM), with a manifest (who, until when, the NDA text they accepted, which files)
 * encrypted the same way. An expired grant publishes a note of the day it ended and nothing else; without a
 * secret nothing is published at all (the check says so, TB536).
 *
 * Each nonce is derived from the key and the plaintext, so the same secret and the same files give the same
 * bytes on every build, and no nonce is ever used for two different plaintexts under one key.
 */
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../engine/index.ts';
import { grantKey, grantState, grantToken, ndaBlocks, secretState, type NdaBlock } from '../engine/grants.ts';
import type { Document } from '../engine/model.ts';
import type { GrantData, TrustDocumentData } from '../schema/index.ts';
import { extensionOf, mediaTypeOf } from './media-types.ts';
import { stampPdf } from './stamp-pdf.ts';

/** A file the trust center publishes for a grant, relative to the trust center's `access/` folder. */
export interface GrantFile {
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** What the recipient's browser reads once it has decrypted the manifest. */
export interface GrantManifest {
  version: 1;
  grant: string;
  name: string;
  organization: string;
  granted: string;
  expires: string;
  nda: { title: string; version: string; blocks: NdaBlock[] };
  documents: { title: string; summary?: string | undefined; name: string; type: string; file: string }[];
}

/** The public note for a link that opens nothing (yet, or any more). */
export type GrantNotice = { version: 1; expired: string } | { version: 1; from: string };

/** A sealed manifest: the nonce and the ciphertext with its tag, in base64. */
export interface SealedManifest {
  version: 1;
  iv: string;
  data: string;
}

/** A trust document the build could not prepare for a recipient: its file, what went wrong, and the fix. */
export class GrantFileError extends Error {
  readonly file: string;
  readonly hint: string;
  constructor(message: string, file: string, hint: string) {
    super(message);
    this.file = file;
    this.hint = hint;
  }
}

/** Every file the trust center publishes for the program's grants, as of the check's evaluation date. */
export async function grantFiles(result: CheckResult, root: string, secret: string | undefined): Promise<GrantFile[]> {
  if (secretState(secret) !== 'set') return [];
  const { model } = result;
  const asOf = result.summary.asOf;
  const files: GrantFile[] = [];
  const grants = [...model.grants].sort((a, b) => a.id.localeCompare(b.id));
  for (const grant of grants) {
    const key = grantKey(secret!, grant);
    const token = grantToken(key);
    const state = grantState(grant.data, asOf);
    if (state.state !== 'current') {
      const notice: GrantNotice =
        state.state === 'expired' ? { version: 1, expired: state.on } : { version: 1, from: state.from };
      files.push({ path: `${token}.json`, bytes: json(notice) });
      continue;
    }
    const nda = model.ndaVersions.get(grant.data.nda_version);
    if (!nda) continue; // TB534 fails the check: a build never gets here with it.
    const documents = given(grant, model.trustDocuments, asOf);
    const manifest: GrantManifest = {
      version: 1,
      grant: grant.id,
      name: grant.data.name,
      organization: grant.data.organization,
      granted: grant.data.granted,
      expires: grant.data.expires,
      nda: { title: nda.data.title, version: grant.data.nda_version, blocks: ndaBlocks(nda) },
      documents: [],
    };
    for (const [index, document] of documents.entries()) {
      const path = document.data.file!;
      const extension = extensionOf(path);
      let bytes: Uint8Array = readFileSync(join(root, path));
      if (extension === '.pdf') {
        try {
          bytes = await stampPdf(bytes, {
            name: grant.data.name,
            organization: grant.data.organization,
            grant: grant.id,
            granted: grant.data.granted,
          });
        } catch (error) {
          throw new GrantFileError(
            `${path} could not be stamped for ${grant.data.name} (${error instanceof Error ? error.message : String(error)})`,
            document.file,
            'Give the trust document a PDF that opens without a password, or export it again from its source.',
          );
        }
      }
      const file = `${token}/${index + 1}.bin`;
      files.push({ path: file, bytes: seal(key, `document ${document.id}`, bytes) });
      manifest.documents.push({
        title: document.data.title,
        summary: document.data.summary,
        name: `${document.id}${extension}`,
        type: mediaTypeOf(path),
        file: `${index + 1}.bin`,
      });
    }
    const sealed = seal(key, 'manifest', json(manifest));
    const envelope: SealedManifest = {
      version: 1,
      iv: Buffer.from(sealed.subarray(0, 12)).toString('base64'),
      data: Buffer.from(sealed.subarray(12)).toString('base64'),
    };
    files.push({ path: `${token}.json`, bytes: json(envelope) });
  }
  return files;
}

/** The documents a grant gives that the trust center still offers: under NDA, in the repository, still valid. */
function given(
  grant: Document<GrantData>,
  documents: readonly Document<TrustDocumentData>[],
  asOf: string,
): Document<TrustDocumentData>[] {
  return grant.data.documents.flatMap((id) => {
    const document = documents.find((candidate) => candidate.id === id);
    if (!document || document.data.access !== 'nda' || document.data.file === undefined) return [];
    if (document.data.valid_until !== undefined && document.data.valid_until < asOf) return [];
    return [document];
  });
}

/**
 * AES-256-GCM: the 12-byte nonce, then the ciphertext and its 16-byte tag (the layout Web Crypto decrypts).
 * The nonce is an HMAC of what is sealed, under the grant's key.
 */
export function seal(key: Uint8Array, label: string, plaintext: Uint8Array): Uint8Array<ArrayBuffer> {
  const digest = createHash('sha256').update(plaintext).digest();
  const iv = createHmac('sha256', key).update(label).update('\u0000').update(digest).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function json(value: unknown): Uint8Array<ArrayBuffer> {
  return Buffer.from(`${JSON.stringify(value)}\n`);
}

/**
 * What the trust center publishes for the grants: ciphertext only. For each current grant, every document it
 * gives is stamped with the recipient's name, organization and grant id (each PDF page: a deterrent, not a
 * protection, since anyone can cut it off a copy), then encrypted (AES-256-GCM) under a key derived from the
 * grant's key, with a manifest (who, until when, the NDA text they accepted, which files) encrypted the same way.
 * Each plaintext is padded to a bucket size first, so a file's size says little of the document. An expired grant
 * publishes a note of the day it ended, a grant not yet open the day it opens, a revoked one nothing; without a
 * secret nothing is published at all (the check says so, TB536).
 *
 * Each nonce is an HMAC of the plaintext under a key of its own, so the same secret and the same files give the
 * same bytes on every build, and no nonce is ever used for two different plaintexts under one key.
 *
 * Beside the files, a log for the organization's records: the SHA-256 of each stamped copy, by grant, which
 * the build writes outside the sites (`dist/grant-log.json`), so a copy found elsewhere can be traced.
 */
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../engine/index.ts';
import { paddedLength, PADDING_MARK, GRANT_KEY_VERSION } from '../engine/grant-protocol.ts';
import {
  grantKey,
  grantKeys,
  grantState,
  ndaBlocks,
  secretState,
  sha256Hex,
  type GrantKeys,
  type NdaBlock,
} from '../engine/grants.ts';
import type { Document } from '../engine/model.ts';
import type { GrantData, TrustDocumentData } from '../schema/index.ts';
import { extensionOf, mediaTypeOf } from '../site/media-types.ts';
import { stampPdf } from './stamp-pdf.ts';

/** A file the trust center publishes for a grant, relative to the trust center's `access/` folder. */
export interface GrantFile {
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** What the recipient's browser reads once it has decrypted the manifest. */
export interface GrantManifest {
  version: typeof GRANT_KEY_VERSION;
  grant: string;
  name: string;
  organization: string;
  granted: string;
  expires: string;
  nda: { title: string; version: string; blocks: NdaBlock[] };
  documents: { title: string; summary?: string | undefined; name: string; type: string; file: string }[];
}

/** The public note for a link that opens nothing (yet, or any more). */
export type GrantNotice =
  { version: typeof GRANT_KEY_VERSION; expired: string } | { version: typeof GRANT_KEY_VERSION; from: string };

/** A sealed manifest: the nonce and the ciphertext with its tag, in base64. */
export interface SealedManifest {
  version: typeof GRANT_KEY_VERSION;
  iv: string;
  data: string;
}

/** One grant's line in the build's grant log: what was given to whom, and the SHA-256 of each stamped copy. */
export interface GrantLogEntry {
  grant: string;
  name: string;
  email: string;
  organization: string;
  granted: string;
  expires: string;
  nda_version: string;
  documents: { id: string; title: string; sha256: string; stamped: boolean }[];
}

/** What a build publishes for the grants, and the log it keeps of them. */
export interface SealedGrants {
  files: GrantFile[];
  log: GrantLogEntry[];
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
  return (await sealGrants(result, root, secret)).files;
}

/** The grants' files and the log of what each current grant gives, as of the check's evaluation date. */
export async function sealGrants(result: CheckResult, root: string, secret: string | undefined): Promise<SealedGrants> {
  if (secretState(secret) !== 'set') return { files: [], log: [] };
  const { model } = result;
  const asOf = result.summary.asOf;
  const files: GrantFile[] = [];
  const log: GrantLogEntry[] = [];
  const grants = [...model.grants].sort((a, b) => a.id.localeCompare(b.id));
  for (const grant of grants) {
    // A grant without a salt fails the check (TB550): a build never gets here with one.
    if (grant.data.salt === undefined) continue;
    const keys = grantKeys(grantKey(secret!, grant));
    const state = grantState(grant.data, asOf);
    if (state.state === 'revoked') continue;
    if (state.state !== 'current') {
      const notice: GrantNotice =
        state.state === 'expired'
          ? { version: GRANT_KEY_VERSION, expired: state.on }
          : { version: GRANT_KEY_VERSION, from: state.from };
      files.push({ path: `${keys.token}.json`, bytes: json(notice) });
      continue;
    }
    const nda = model.ndaVersions.get(grant.data.nda_version);
    if (!nda) continue; // TB534 fails the check: a build never gets here with it.
    const documents = given(grant, model.trustDocuments, asOf);
    const manifest: GrantManifest = {
      version: GRANT_KEY_VERSION,
      grant: grant.id,
      name: grant.data.name,
      organization: grant.data.organization,
      granted: grant.data.granted,
      expires: grant.data.expires,
      nda: { title: nda.data.title, version: grant.data.nda_version, blocks: ndaBlocks(nda) },
      documents: [],
    };
    const entry: GrantLogEntry = {
      grant: grant.id,
      name: grant.data.name,
      email: grant.data.email,
      organization: grant.data.organization,
      granted: grant.data.granted,
      expires: grant.data.expires,
      nda_version: grant.data.nda_version,
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
      const file = `${index + 1}.bin`;
      files.push({ path: `${keys.token}/${file}`, bytes: seal(keys, `document ${document.id}`, bytes) });
      manifest.documents.push({
        title: document.data.title,
        summary: document.data.summary,
        name: `${document.id}${extension}`,
        type: mediaTypeOf(path),
        file,
      });
      entry.documents.push({
        id: document.id,
        title: document.data.title,
        sha256: sha256Hex(bytes),
        stamped: extension === '.pdf',
      });
    }
    const sealed = seal(keys, 'manifest', json(manifest));
    const envelope: SealedManifest = {
      version: GRANT_KEY_VERSION,
      iv: Buffer.from(sealed.subarray(0, 12)).toString('base64'),
      data: Buffer.from(sealed.subarray(12)).toString('base64'),
    };
    files.push({ path: `${keys.token}.json`, bytes: json(envelope) });
    log.push(entry);
  }
  return { files, log };
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
 * AES-256-GCM over the plaintext padded to its bucket (`paddedLength`): the 12-byte nonce, then the ciphertext
 * and its 16-byte tag (the layout Web Crypto decrypts). The nonce is an HMAC of what is sealed, under the
 * grant's nonce key.
 */
export function seal(
  keys: Pick<GrantKeys, 'encryption' | 'nonce'>,
  label: string,
  plaintext: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const padded = Buffer.alloc(paddedLength(plaintext.length));
  padded.set(plaintext);
  padded[plaintext.length] = PADDING_MARK;
  const digest = createHash('sha256').update(padded).digest();
  const iv = createHmac('sha256', keys.nonce).update(label).update('\u0000').update(digest).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const body = Buffer.concat([cipher.update(padded), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function json(value: unknown): Uint8Array<ArrayBuffer> {
  return Buffer.from(`${JSON.stringify(value)}\n`);
}

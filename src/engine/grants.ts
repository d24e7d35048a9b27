/**
 * Grants: who may read which documents under NDA, until when, and the key each recipient's link carries.
 *
 * The build's secret (`TRUSTBOOK_GRANT_SECRET`, never in the repository) and a grant's own fields give the
 * grant's key through HKDF-SHA256. The key travels only in the link's fragment, which browsers never send to
 * a server; the trust center publishes, under a name derived from the key, the grant's documents encrypted with
 * it (AES-256-GCM). Changing a grant's id, e-mail or grant date gives it a new key and its recipient a new link;
 * extending its expiry does not.
 */
import { createHash, hkdfSync } from 'node:crypto';
import { bodyTree, syntaxOf, textOf } from './body-tree.ts';
import { daysBetween } from './dates.ts';
import { GRANT_TOKEN_PREFIX } from './grant-protocol.ts';
import type { Document, ProgramModel } from './model.ts';
import type { GrantData, NdaData } from '../schema/index.ts';

/** The environment variable holding the build's grant secret. */
export const GRANT_SECRET_ENV = 'TRUSTBOOK_GRANT_SECRET';

/** A shorter secret is too easy to guess for keys that protect a SOC 2 report. */
export const MIN_SECRET_LENGTH = 32;

export type SecretState = 'missing' | 'weak' | 'set';

export function secretState(secret: string | undefined): SecretState {
  if (secret === undefined || secret.trim() === '') return 'missing';
  return secret.length < MIN_SECRET_LENGTH ? 'weak' : 'set';
}

/** The part of the salt that names this scheme, so a key made for one purpose is never valid for another. */
const KEY_SALT = 'trustbook grant key v1';

/** A grant's 256-bit key, from the build's secret and the fields that identify the grant. */
export function grantKey(secret: string, grant: { id: string; data: Pick<GrantData, 'email' | 'granted'> }): Buffer {
  const info = [grant.id, grant.data.email.toLowerCase(), grant.data.granted].join('\n');
  return Buffer.from(hkdfSync('sha256', secret, KEY_SALT, info, 32));
}

/**
 * The name under which the trust center publishes a grant's files: a hash of its key, so only a holder of the
 * link can find them and the name gives away nothing of the key. The browser works out the same name.
 */
export function grantToken(key: Uint8Array): string {
  return createHash('sha256').update(GRANT_TOKEN_PREFIX).update(key).digest('base64url').slice(0, 22);
}

/** The recipient's link: the trust center's access page, with the key in the fragment. */
export function grantLink(trustCenter: string, key: Uint8Array): string {
  return `${trustCenter.replace(/\/?$/, '/')}access/#k=${Buffer.from(key).toString('base64url')}`;
}

export type GrantState =
  | { state: 'current'; expires: string; days: number }
  | { state: 'not-yet'; from: string }
  | { state: 'expired'; on: string };

/** Whether a grant opens its documents on the evaluation date: from the day it is given to its last day. */
export function grantState(data: Pick<GrantData, 'granted' | 'expires'>, asOf: string): GrantState {
  if (asOf < data.granted) return { state: 'not-yet', from: data.granted };
  if (asOf > data.expires) return { state: 'expired', on: data.expires };
  return { state: 'current', expires: data.expires, days: daysBetween(asOf, data.expires) };
}

/** The NDA text new requests accept on a day: the latest version in effect then, with its SHA-256. */
export function ndaInEffect(
  model: Pick<ProgramModel, 'ndaVersions'>,
  day: string,
): { version: string; nda: Document<NdaData> } | undefined {
  const [found] = [...model.ndaVersions]
    .filter(([, nda]) => nda.data.effective <= day)
    .sort(([, a], [, b]) => b.data.effective.localeCompare(a.data.effective) || a.id.localeCompare(b.id));
  return found && { version: found[0], nda: found[1] };
}

/** A block of an NDA's text, as a page shows it: a heading, a paragraph, or an item of a list. */
export interface NdaBlock {
  kind: 'heading' | 'paragraph' | 'item';
  text: string;
}

/** An NDA's body as plain blocks, read from its syntax tree: shown as text, never as markup. */
export function ndaBlocks(nda: Document<NdaData>): NdaBlock[] {
  const tree = bodyTree(nda.body, nda.bodyLine, syntaxOf(nda.file));
  return (tree?.children ?? []).flatMap((node): NdaBlock[] => {
    if (node.type === 'heading') return [{ kind: 'heading', text: textOf(node) }];
    if (node.type === 'list') return (node.children ?? []).map((item) => ({ kind: 'item', text: textOf(item) }));
    const text = textOf(node).trim();
    return text ? [{ kind: 'paragraph', text }] : [];
  });
}

/**
 * Grants: who may read which documents under NDA, until when, and the key each recipient's link carries.
 *
 * The link is a bearer key: whoever holds it can open the documents until the grant ends or is revoked, so it is
 * sent to one person, like a password. The build's secret (`TRUSTBOOK_GRANT_SECRET`, generated, never in the
 * repository), the grant's own random salt and its identifying fields give the grant's key through HKDF-SHA256.
 * The key travels in the link's fragment, which browsers do not send with a request (though a mail scanner or a
 * chat preview that reads the whole link sees it); the trust center publishes, under a name derived from the key,
 * the grant's documents encrypted under another key derived from it. A new salt (`trustbook grant add` writes
 * one for every grant) gives a new key, so a grant re-issued with the same fields never revives an old link.
 */
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { bodyTree, syntaxOf, textOf } from './body-tree.ts';
import { daysBetween } from './dates.ts';
import { GRANT_KEY_INFO, GRANT_KEY_VERSION, GRANT_TOKEN_LENGTH } from './grant-protocol.ts';
import type { Document, ProgramModel } from './model.ts';
import type { GrantData, NdaData } from '../schema/index.ts';

/** The environment variable holding the build's grant secret. */
export const GRANT_SECRET_ENV = 'TRUSTBOOK_GRANT_SECRET';

/** The environment variable that marks a build as the one that is deployed (set in the deploy step of CI). */
export const DEPLOY_ENV = 'TRUSTBOOK_DEPLOY';

/** Whether the environment says this build is deployed: `TRUSTBOOK_DEPLOY` set to anything but empty, 0 or false. */
export function isDeployBuild(env: Record<string, string | undefined>): boolean {
  const value = env[DEPLOY_ENV]?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** The prefix of a secret `trustbook grant secret` prints: then 32 random bytes in base64url. */
export const GENERATED_SECRET_PREFIX = 'tbgs1_';

/** Random bytes a grant secret holds at least: 256 bits. */
export const SECRET_BYTES = 32;

export type SecretState = 'missing' | 'weak' | 'set';

/**
 * Whether the secret can protect grants: `set` only for a generated one (`trustbook grant secret`, or 32 random
 * bytes from `openssl rand -hex 32` or `openssl rand -base64 32`). A phrase a person made up is `weak` however
 * long it is: a dictionary attack on the published files needs no link.
 */
export function secretState(secret: string | undefined): SecretState {
  if (secret === undefined || secret.trim() === '') return 'missing';
  return isGeneratedSecret(secret.trim()) ? 'set' : 'weak';
}

function isGeneratedSecret(secret: string): boolean {
  if (secret.startsWith(GENERATED_SECRET_PREFIX)) {
    const body = secret.slice(GENERATED_SECRET_PREFIX.length);
    return /^[A-Za-z0-9_-]{43,}$/.test(body) && looksRandom(body);
  }
  if (/^[0-9a-fA-F]+$/.test(secret))
    return secret.length >= SECRET_BYTES * 2 && /\d/.test(secret) && /[a-f]/i.test(secret);
  // Standard base64 with its padding, as `openssl rand -base64 32` prints it.
  if (/^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(secret)) {
    return Buffer.from(secret, 'base64').length >= SECRET_BYTES && looksRandom(secret);
  }
  return false;
}

/**
 * What random base64 has and words do not: all three kinds of characters, and no long run of one case. Random
 * output of 32 bytes lacks one of them about once in a thousand draws, and is then refused: draw again.
 */
function looksRandom(text: string): boolean {
  return /[A-Z]/.test(text) && /[a-z]/.test(text) && /\d/.test(text) && !/[a-z]{12}|[A-Z]{12}/.test(text);
}

/** A new grant secret, as `trustbook grant secret` prints it. */
export function generateSecret(): string {
  for (;;) {
    const secret = `${GENERATED_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
    if (secretState(secret) === 'set') return secret;
  }
}

/** A new grant's salt: 16 random bytes in base64url, as `trustbook grant add` writes it. */
export function generateSalt(): string {
  return randomBytes(16).toString('base64url');
}

/** The part of the salt that names this scheme, so a key made for one purpose is never valid for another. */
const KEY_SALT = `trustbook grant key v${GRANT_KEY_VERSION}\u0000`;

/** What a grant's key is made from: its id, its salt and the fields that say who it is for. */
export interface GrantIdentity {
  id: string;
  data: Pick<GrantData, 'email' | 'granted'> & { salt?: string | undefined };
}

/** A grant's 256-bit key, from the build's secret, the grant's salt and the fields that identify the grant. */
export function grantKey(secret: string, grant: GrantIdentity): Buffer {
  const info = [grant.id, grant.data.email.toLowerCase(), grant.data.granted].join('\n');
  // Trimmed as secretState reads it: a secret pasted with a line break still gives the same keys everywhere.
  return Buffer.from(hkdfSync('sha256', secret.trim(), `${KEY_SALT}${grant.data.salt ?? ''}`, info, 32));
}

/** The keys a grant's key gives, one per purpose (see grant-protocol.ts). */
export interface GrantKeys {
  /** The name the grant's files are published under. */
  token: string;
  /** The AES-256-GCM key. */
  encryption: Buffer;
  /** The HMAC key each nonce is made with. */
  nonce: Buffer;
}

export function grantKeys(key: Uint8Array): GrantKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', key, new Uint8Array(), info, 32));
  return {
    token: derive(GRANT_KEY_INFO.fileName).toString('base64url').slice(0, GRANT_TOKEN_LENGTH),
    encryption: derive(GRANT_KEY_INFO.encryption),
    nonce: derive(GRANT_KEY_INFO.nonce),
  };
}

/**
 * The name under which the trust center publishes a grant's files: derived from its key, so only a holder of
 * the link can find them and the name gives away nothing of the key. The browser works out the same name.
 */
export function grantToken(key: Uint8Array): string {
  return grantKeys(key).token;
}

/** The recipient's link: the trust center's access page, with the scheme's version and the key in the fragment. */
export function grantLink(trustCenter: string, key: Uint8Array): string {
  return `${trustCenter.replace(/\/?$/, '/')}access/#v=${GRANT_KEY_VERSION}&k=${Buffer.from(key).toString('base64url')}`;
}

/** A SHA-256 in hexadecimal, for the grant log. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type GrantState =
  | { state: 'current'; expires: string; days: number }
  | { state: 'not-yet'; from: string }
  | { state: 'expired'; on: string }
  | { state: 'revoked'; on: string };

/**
 * Whether a grant opens its documents on the evaluation date: from the day it is given to its last day, unless
 * it was revoked (whatever the evaluation date: a revocation takes effect with the next build).
 */
export function grantState(
  data: Pick<GrantData, 'granted' | 'expires'> & { revoked?: string | undefined },
  asOf: string,
): GrantState {
  if (data.revoked !== undefined) return { state: 'revoked', on: data.revoked };
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

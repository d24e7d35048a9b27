/**
 * What the build and the recipient's browser must agree on to open a grant's files (`src/engine/grants.ts` and
 * `src/trust-center/grant-files.ts` in Node, `src/client/access.ts` in the browser).
 *
 * The link carries the grant's key and the version of this scheme (`#v=2&k=…`). From the key, HKDF-SHA256 derives
 * three keys, each for one purpose: the name of the grant's files, the AES-256-GCM key, and the key the nonces
 * are made with, so knowing what one is used for gives nothing on the others.
 */

/** The scheme's version, in every link and every published file. Version 1 links open nothing any more. */
export const GRANT_KEY_VERSION = 2;

/** The HKDF `info` of each key derived from a grant's key. */
export const GRANT_KEY_INFO = {
  fileName: 'trustbook grant v2 file name',
  encryption: 'trustbook grant v2 encryption',
  nonce: 'trustbook grant v2 nonce',
} as const;

/** How long a grant's file name is, in base64url characters (132 bits). */
export const GRANT_TOKEN_LENGTH = 22;

/** The byte that ends a sealed plaintext before its padding (then zeros up to the bucket's size). */
export const PADDING_MARK = 0x80;

/**
 * The size a plaintext of `length` bytes is padded to before encryption (with the mark byte): at least 4 KiB,
 * and beyond that the Padmé rounding, which keeps the top bits of the length and zeroes the rest, so a
 * published file's size says little more than its order of magnitude, for at most 12% more bytes.
 */
export function paddedLength(length: number): number {
  const needed = Math.max(length + 1, 4096);
  const exponent = Math.floor(Math.log2(needed));
  const kept = Math.floor(Math.log2(exponent)) + 1;
  const step = 2 ** (exponent - kept);
  return Math.ceil(needed / step) * step;
}

/** The plaintext inside a padded one: everything before the last mark byte, which only zeros follow. */
export function unpad<T extends ArrayBufferLike>(padded: Uint8Array<T>): Uint8Array<T> | undefined {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  return end >= 0 && padded[end] === PADDING_MARK ? padded.subarray(0, end) : undefined;
}

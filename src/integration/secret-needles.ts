/**
 * The grant secret and every key derived from it, as the leak scan looks for them on the trust center: in bytes
 * (raw, hex, base64 and base64url, the last two at each of the three alignments a longer encoded text can give
 * them) for the byte scan, and as words for the word scan (which sees through markup and entities). The keys
 * come from `src/engine/grants.ts` itself, so a change to how keys are derived changes what is looked for.
 */
import type { CheckResult } from '../engine/index.ts';
import { grantKey, grantKeys } from '../engine/grants.ts';
import type { Fragment } from './leak-scan.ts';

/** A secret value, and what to call it in a message (never the value). */
export interface SecretValue {
  bytes: Buffer;
  label: string;
  /** Whether the value is text (the secret) rather than raw bytes (a key). */
  text: boolean;
}

/** The build's secret and each grant's key. */
export function secretValues(result: CheckResult, secret: string | undefined): SecretValue[] {
  if (secret === undefined || secret === '') return [];
  return [
    { bytes: Buffer.from(secret, 'utf8'), label: 'the grant secret', text: true },
    ...[...result.model.grants]
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((grant) => {
        const key = grantKey(secret, grant);
        // The keys derived from it for each purpose, too; the token is no secret: it names the published files.
        const { encryption, nonce } = grantKeys(key);
        return [
          { bytes: key, label: `the key of grant ${grant.id}`, text: false },
          { bytes: encryption, label: `the encryption key of grant ${grant.id}`, text: false },
          { bytes: nonce, label: `the nonce key of grant ${grant.id}`, text: false },
        ];
      }),
  ];
}

/**
 * The byte strings that give a value away: the value, its hex (both cases), and the part of its base64 and
 * base64url that is the same whatever comes before and after it (a value inside a longer encoded text is
 * encoded from another alignment).
 */
export function secretEncodings(value: SecretValue): { bytes: Buffer; label: string }[] {
  const found = [
    { bytes: value.bytes, label: value.label },
    { bytes: Buffer.from(value.bytes.toString('hex')), label: `${value.label}, in hex` },
    { bytes: Buffer.from(value.bytes.toString('hex').toUpperCase()), label: `${value.label}, in hex` },
  ];
  for (const encoding of ['base64', 'base64url'] as const) {
    for (let shift = 0; shift < 3; shift++) {
      const padded = Buffer.concat([Buffer.alloc(shift), value.bytes]);
      const text = padded.toString(encoding);
      // The first group holds the padding bytes; the last, if short, depends on what follows.
      const from = shift === 0 ? 0 : 4;
      const to = Math.floor(padded.length / 3) * 4;
      if (to - from >= 16)
        found.push({ bytes: Buffer.from(text.slice(from, to)), label: `${value.label}, in ${encoding}` });
    }
  }
  return found;
}

/**
 * The same values as texts the word scan forbids on the trust center, never quoted in a message. A key's raw
 * bytes are no text (as words they would be a few random letters, found everywhere): the byte scan has them.
 */
export function secretFragments(values: readonly SecretValue[]): Fragment[] {
  return values.flatMap((value) =>
    [
      ...(value.text ? [value.bytes.toString('utf8')] : []),
      value.bytes.toString('hex'),
      value.bytes.toString('base64'),
      value.bytes.toString('base64url'),
    ].map((text) => ({ text, source: value.label, name: true, hidden: true })),
  );
}

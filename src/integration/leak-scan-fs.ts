/**
 * What the leak scan reads of a site: every file, whatever its name or extension, and inside every archive.
 * A gzip stream, a zip (an `.xlsx` or `.docx` is one) and a tar are opened and their files read in turn; an
 * archive of a kind the scan cannot open (bzip2, xz, 7z, rar, zstd, brotli) is refused, since what it holds
 * cannot be proven clean. Each file is read as what it is: HTML and XML through an HTML parser, JSON as its
 * decoded strings, a calendar unfolded, a binary file as the runs of text between its bytes. Every text is
 * decoded as UTF-8 (the search index too).
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { findLeak, isEmpty, readableText, type Leak, type Needles, type Reading } from './leak-scan.ts';
import { listFiles } from './publish-fs.ts';

/** At most this many bytes come out of one archive, nested ones included: a bomb is refused, not expanded. */
const MAX_EXPANDED = 256 * 1024 * 1024;
/** Archives inside archives are opened this deep. */
const MAX_DEPTH = 4;

/** A file of a site, or of an archive in it (`report.zip/sheet.xml`), with its bytes. */
export interface OutputFile {
  file: string;
  bytes: Uint8Array;
}

/** A file the scan could not read, and why: it fails the scan. */
export interface Refused {
  file: string;
  refused: string;
}

/** Which output files a pass reads: everything but the search index, or the search index Pagefind wrote. */
export type ScanPart = 'pages' | 'search-index';

/** Where Pagefind writes a site's index, which exists only once the indexing process is done. */
const indexFolder = `pagefind${sep}`;

/** Every file of a part of a site, archives opened, as the byte scan and the word scan read them. */
export function* outputFiles(siteDir: string, part: ScanPart | 'all' = 'all'): Generator<OutputFile | Refused> {
  // listFiles joins each name onto the folder: what follows the folder is the file's path in the site.
  const base = join(siteDir, sep);
  for (const path of listFiles(siteDir)) {
    const file = path.slice(base.length);
    if (part !== 'all' && file.startsWith(indexFolder) !== (part === 'search-index')) continue;
    yield* openFile(file, readFileSync(path));
  }
}

/** One file's contents, archives opened, with at most `limit` bytes expanded out of them. */
export function* openFile(file: string, bytes: Uint8Array, limit = MAX_EXPANDED): Generator<OutputFile | Refused> {
  yield* expand(file, bytes, 0, { left: limit });
}

const unreadable: [string, number[]][] = [
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['lz4', [0x04, 0x22, 0x4d, 0x18]],
  ['lzip', [0x4c, 0x5a, 0x49, 0x50]],
];
/** Compressed files without a signature of their own are known by their extension. */
const unreadableExtension = /\.(br|zst|bz2|xz|7z|rar|lz|lz4|lzma|z|cab|arj)$/i;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function* expand(
  file: string,
  bytes: Uint8Array,
  depth: number,
  budget: { left: number },
): Generator<OutputFile | Refused> {
  const isGzip = startsWith(bytes, [0x1f, 0x8b]);
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
  const isTar = bytes.length >= 512 && startsWith(bytes, [0x75, 0x73, 0x74, 0x61, 0x72], 257);
  if (!isGzip && !isZip && !isTar) {
    const kind = unreadable.find(([, signature]) => startsWith(bytes, signature))?.[0];
    if (kind || unreadableExtension.test(file)) {
      yield { file, refused: `a ${kind ?? 'compressed'} archive, which the leak scan cannot open` };
    } else {
      yield { file, bytes };
    }
    return;
  }
  if (depth >= MAX_DEPTH) {
    yield { file, refused: `an archive nested more than ${MAX_DEPTH} deep` };
    return;
  }
  let entries: { name: string; bytes: Uint8Array }[];
  try {
    if (isGzip) {
      const inner = gunzipSync(bytes, { maxOutputLength: Math.max(budget.left, 1) });
      entries = [{ name: '', bytes: inner }];
    } else if (isZip) {
      let size = 0;
      const files = unzipSync(bytes, {
        filter: (entry) => {
          size += entry.originalSize;
          if (size > budget.left) throw new RangeError('too large');
          return true;
        },
      });
      entries = Object.entries(files).map(([name, data]) => ({ name, bytes: data }));
    } else {
      entries = tarEntries(bytes);
    }
  } catch {
    yield { file, refused: 'an archive that does not open, or opens to more than the scan reads' };
    return;
  }
  for (const entry of entries) {
    budget.left -= entry.bytes.length;
    if (budget.left < 0) {
      yield { file, refused: 'an archive that opens to more than the scan reads' };
      return;
    }
    // The names inside an archive are text a reader sees too.
    const name = entry.name ? `${file}/${entry.name}` : file.replace(/\.(t?gz|gzip)$/i, '');
    yield* expand(name, entry.bytes, depth + 1, budget);
  }
}

/** The files of a tar archive (ustar, with GNU long names); headers of other kinds are read as text too. */
function tarEntries(bytes: Uint8Array): { name: string; bytes: Uint8Array }[] {
  const entries: { name: string; bytes: Uint8Array }[] = [];
  const field = (header: Uint8Array, at: number, length: number) => {
    const slice = header.subarray(at, at + length);
    const end = slice.indexOf(0);
    return Buffer.from(end === -1 ? slice : slice.subarray(0, end)).toString('utf8');
  };
  let longName: string | undefined;
  for (let at = 0; at + 512 <= bytes.length;) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new RangeError('a tar header with no size');
    const type = String.fromCharCode(header[156]!);
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const data = bytes.subarray(at + 512, at + 512 + size);
    longName = undefined;
    if (type === 'L') longName = field(data, 0, data.length);
    else if (type !== '5') entries.push({ name, bytes: data });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

const textRun = /[\p{L}\p{N}\p{P}\p{Zs}\p{M}]{4,}/gu;

/** A file's text as the word scan reads it, and how it is read (of a binary file, only its runs of text). */
export function textOf(file: string, bytes: Uint8Array): { text: string; reading: Reading } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The file's name is text a reader sees (a folder named after a vendor).
  const name = `${file}\n`;
  if (buffer.includes(0) || !isUtf8(buffer)) {
    // Runs of text between the bytes, as `strings` finds them: at least four letters, digits, punctuation or
    // spaces in a row. Anything else (control bytes, bytes that are not UTF-8, symbols) ends a run.
    const runs = buffer.toString('utf8').match(textRun) ?? [];
    const text = runs.join('\n');
    return { text: name + text, reading: 'binary' };
  }
  const text = buffer.toString('utf8');
  if (/\.(html?|xhtml)$/i.test(file)) return { text: name + readableText(text), reading: 'prose' };
  if (/\.(xml|svg|atom|rss|xsl|plist)$/i.test(file) || /^\s*<\?xml/.test(text)) {
    return { text: name + readableText(text, true), reading: 'prose' };
  }
  if (/\.ics$/i.test(file)) return { text: name + unfoldCalendar(text), reading: 'prose' };
  if (/\.(m?js|cjs|css)$/i.test(file)) return { text: name + text, reading: 'script' };
  const json = jsonText(text);
  return { text: name + (json ?? text), reading: 'prose' };
}

/**
 * A JSON file's text, and then each of its strings (keys too) decoded (`\u0041` is A), a string that is markup
 * read as HTML. Pagefind's fragments are JSON after a signature. Undefined when the text is not JSON.
 */
export function jsonText(text: string): string | undefined {
  const body = text.startsWith('pagefind_dcd') ? text.slice('pagefind_dcd'.length) : text;
  if (!/^\s*[[{"]/.test(body)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const strings: string[] = [];
  const visit = (item: unknown): void => {
    if (typeof item === 'string') strings.push(/<[a-z!/]/i.test(item) ? `${item}\n${readableText(item)}` : item);
    else if (Array.isArray(item)) item.forEach(visit);
    else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        strings.push(key);
        visit(child);
      }
    }
  };
  visit(value);
  return `${text}\n${strings.join('\n')}`;
}

/**
 * An iCalendar file as a calendar shows it: folded lines joined (a line break followed by a space or tab
 * continues the line, RFC 5545 3.1) and escapes read (`\,` is a comma, `\n` a new line).
 */
export function unfoldCalendar(text: string): string {
  return text
    .replace(/\r?\n[ \t]/g, '')
    .replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Leaks in one part of one site, at most a few so the message stays readable. */
export function scanSite(siteDir: string, needles: Needles, part: ScanPart): Leak[] {
  const found: Leak[] = [];
  if (isEmpty(needles)) return found;
  for (const entry of outputFiles(siteDir, part)) {
    if ('refused' in entry) {
      found.push({ file: entry.file, text: entry.refused, source: 'the leak scan' });
    } else {
      const { text, reading } = textOf(entry.file, entry.bytes);
      const leak = findLeak(text, needles, reading);
      if (leak) found.push({ file: entry.file, ...leak });
    }
    if (found.length >= 5) break;
  }
  return found;
}

/** Text of every output file of a part of a site, as the scan reads it. */
export function* siteTexts(siteDir: string, part: ScanPart): Generator<{ file: string; text: string }> {
  for (const entry of outputFiles(siteDir, part)) {
    if (!('refused' in entry)) yield { file: entry.file, text: textOf(entry.file, entry.bytes).text };
  }
}

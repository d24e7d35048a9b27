/**
 * Limits on a workbook before it is parsed. An XLSX file is a zip of XML: a few hundred kilobytes can inflate
 * to gigabytes (a zip bomb), and a sheet of a few kilobytes can claim a cell at XFD1048576, which a reader that
 * walks every row and column would take hours over. The zip's own directory is read here with a small reader
 * of ours, each entry is inflated with a ceiling on its output (so a directory that understates its sizes does
 * not help), and only a workbook within the limits goes to the spreadsheet library.
 */
import { inflateRawSync } from 'node:zlib';

export const XLSX_LIMITS = {
  /** The workbook file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Files inside the zip. */
  entries: 2_000,
  /** Everything in the zip, inflated. */
  uncompressedBytes: 64 * 1024 * 1024,
  /** Rows and columns of the sheet read. */
  rows: 10_000,
  columns: 200,
} as const;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Why a workbook is refused before parsing, or undefined when it is within the limits. */
export type ZipVerdict = { ok: true } | { ok: false; kind: 'not-zip' | 'too-large'; reason: string };

/** Limits of the same kinds, for a command whose workbooks are larger (a mapping's). */
export type WorkbookLimits = { readonly [K in keyof typeof XLSX_LIMITS]: number };

export function checkWorkbookBounds(bytes: Uint8Array, limits: WorkbookLimits = XLSX_LIMITS): ZipVerdict {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const megabytes = (count: number) => `${Math.round(count / 1024 / 1024)} MB`;
  if (data.length > limits.fileBytes) {
    return { ok: false, kind: 'too-large', reason: `the file is larger than ${megabytes(limits.fileBytes)}` };
  }
  const end = findEndOfDirectory(data);
  if (end === undefined) return { ok: false, kind: 'not-zip', reason: 'it is not a zip file' };
  const entries = data.readUInt16LE(end + 10);
  const directorySize = data.readUInt32LE(end + 12);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    return { ok: false, kind: 'too-large', reason: 'it is a ZIP64 archive, which no request list needs' };
  }
  if (entries > limits.entries) {
    return { ok: false, kind: 'too-large', reason: `it holds ${entries} files, more than ${limits.entries}` };
  }
  if (directoryOffset + directorySize > end) return { ok: false, kind: 'not-zip', reason: 'its directory is broken' };
  let declared = 0;
  let inflated = 0;
  let at = directoryOffset;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > end || data.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      return { ok: false, kind: 'not-zip', reason: 'its directory is broken' };
    }
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const local = data.readUInt32LE(at + 42);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    // The sizes the directory declares: refused before a byte is inflated when they are too large already.
    declared += size;
    if (declared > limits.uncompressedBytes) {
      return {
        ok: false,
        kind: 'too-large',
        reason: `it inflates to more than ${megabytes(limits.uncompressedBytes)}`,
      };
    }
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL_HEADER) {
      return { ok: false, kind: 'not-zip', reason: 'an entry of its directory points nowhere' };
    }
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + compressed > data.length) return { ok: false, kind: 'not-zip', reason: 'an entry is cut short' };
    const budget = limits.uncompressedBytes - inflated;
    if (method === 0) {
      inflated += compressed;
    } else if (method === 8) {
      try {
        inflated += inflateRawSync(data.subarray(start, start + compressed), { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError) {
          return {
            ok: false,
            kind: 'too-large',
            reason: `it inflates to more than ${megabytes(limits.uncompressedBytes)}`,
          };
        }
        return { ok: false, kind: 'not-zip', reason: 'an entry does not inflate' };
      }
    } else {
      return {
        ok: false,
        kind: 'not-zip',
        reason: `an entry is compressed with method ${method}, which XLSX never uses`,
      };
    }
    if (inflated > limits.uncompressedBytes) {
      return {
        ok: false,
        kind: 'too-large',
        reason: `it inflates to more than ${megabytes(limits.uncompressedBytes)}`,
      };
    }
  }
  return { ok: true };
}

/** Where the end-of-directory record starts: within the last 64 KB (its comment) plus its own 22 bytes. */
function findEndOfDirectory(data: Buffer): number | undefined {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return undefined;
}

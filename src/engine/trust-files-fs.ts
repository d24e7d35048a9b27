/**
 * A trust document's file, as the disk has it: the build copies it to the trust center (or encrypts it for a
 * grant) byte for byte, so it must be what its path says. The path stays in content/trust/files/, through no
 * dot-folder (`.git/`) and no `..`; the file is a regular file, not a symbolic link nor under one; and a `.pdf`
 * starts as every PDF does, with `%PDF-`.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import { TRUST_FILES_DIR, type TrustFileState } from './model.ts';

/** The first bytes of every PDF (ISO 32000, 7.5.2). */
const PDF_HEADER = '%PDF-';

export function inspectTrustFile(root: string, file: string): TrustFileState {
  if (isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file) || file.includes('\\')) {
    return { status: 'refused', reason: 'an absolute path or one written with `\\`' };
  }
  const segments = file.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { status: 'refused', reason: 'a path with `..` or `.` in it' };
  }
  if (segments.some((segment) => segment.startsWith('.'))) {
    return { status: 'refused', reason: 'a path through a dot-file or dot-folder (such as .git/)' };
  }
  if (!file.startsWith(`${TRUST_FILES_DIR}/`))
    return { status: 'refused', reason: `a path outside ${TRUST_FILES_DIR}/` };
  const path = join(root, ...segments);
  let real: string;
  try {
    if (lstatSync(path).isSymbolicLink()) return { status: 'refused', reason: 'a symbolic link' };
    real = realpathSync(path);
  } catch {
    return { status: 'missing' };
  }
  // A link anywhere on the way (content/trust/files itself, say) makes the real path differ from the written one.
  if (real !== join(realpathSync(root), ...segments)) {
    return { status: 'refused', reason: 'a path through a symbolic link' };
  }
  if (!lstatSync(real).isFile()) return { status: 'missing' };
  if (posix.extname(file).toLowerCase() === '.pdf') {
    const start = firstBytes(real, PDF_HEADER.length);
    if (start.toString('latin1') !== PDF_HEADER) {
      return { status: 'refused', reason: `named .pdf, but not a PDF: it starts with ${describeStart(start)}` };
    }
  }
  return { status: 'present' };
}

function firstBytes(path: string, count: number): Buffer {
  const buffer = Buffer.alloc(count);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, count, 0));
  } finally {
    closeSync(fd);
  }
}

/** The first bytes as a reader can see them: printable ASCII quoted, anything else in hex. */
function describeStart(bytes: Buffer): string {
  if (bytes.length === 0) return 'nothing (it is empty)';
  const printable = [...bytes].every((byte) => byte >= 0x20 && byte < 0x7f);
  return printable
    ? `"${bytes.toString('latin1')}"`
    : `the bytes ${bytes.toString('hex').replace(/(..)(?!$)/g, '$1 ')}`;
}

/**
 * The disk side of the trust center's own copies of public documents: read once, when the program is checked,
 * and handed to the documents route (SiteData.trustDocumentFiles), so no page reads a file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The bytes of each file, by its project-relative path. A file that cannot be read is left out: the check names
 * it (TB532), and a build with that error stops before any page renders.
 */
export function readTrustDocumentFiles(root: string, files: readonly string[]): Map<string, Uint8Array<ArrayBuffer>> {
  const read = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const file of files) {
    try {
      read.set(file, new Uint8Array(readFileSync(join(root, file))));
    } catch {
      // Named by the check; see above.
    }
  }
  return read;
}

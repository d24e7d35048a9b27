/** A document's content-collection entry id: its file name without the extension. */
export function entryId(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.(md|mdx)$/, '');
}

/** How the trust center names and types the files it serves or hands to a recipient: by their extension. */

const types: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A file's extension, lower case and with its dot (`.pdf`); empty when it has none. */
export function extensionOf(path: string): string {
  return /\.[A-Za-z0-9]{1,8}$/.exec(path)?.[0]?.toLowerCase() ?? '';
}

/** The media type of a file by its extension; `application/octet-stream` for one not listed. */
export function mediaTypeOf(path: string): string {
  return types[extensionOf(path)] ?? 'application/octet-stream';
}

/** A document's revision history as the sites show it: what the integration reads from git for each page. */

/** One commit that changed a document. */
export interface Revision {
  /** The abbreviated commit hash. */
  commit: string;
  /** The author date, `YYYY-MM-DD`. */
  date: string;
  author: string;
  /** The commit message's first line. */
  subject: string;
}

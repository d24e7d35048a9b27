/** What every Atom or JSON feed Trustbook writes needs: HTML-escaped text fields and dates as instants. */

/** Text for a feed field that holds HTML (Atom's `type="html"` title and summary, JSON Feed's `content_html`). */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** Midnight UTC of a calendar date: the instant feeds and calendars need, the same on every machine. */
export function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The combined policy book: a cover, a table of contents, then every policy, each starting on a new page. */

export interface BookChapter {
  id: string;
  title: string;
  version: string;
  /** The policy's article, as the employee portal renders it. */
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function policyBookHtml(options: {
  organization: string;
  asOf: string;
  stylesheets: readonly string[];
  chapters: readonly BookChapter[];
}): string {
  const { organization, asOf, stylesheets, chapters } = options;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${organization} policies`)}</title>
${stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
<style>
  .book-cover { min-height: 40vh; display: flex; flex-direction: column; justify-content: center; }
  .book-contents ol { line-height: 2; }
  .book-chapter { break-before: page; }
</style>
</head>
<body>
<main>
<section class="book-cover">
<h1>${escapeHtml(organization)} policies</h1>
<p class="lede">${chapters.length} policies, current as of ${escapeHtml(asOf)}.</p>
</section>
<nav class="book-contents" aria-label="Contents">
<h2>Contents</h2>
<ol>
${chapters.map((chapter) => `<li><a href="#policy-${escapeHtml(chapter.id)}">${escapeHtml(chapter.title)}</a> <span class="muted">version ${escapeHtml(chapter.version)}</span></li>`).join('\n')}
</ol>
</nav>
${chapters.map((chapter) => `<section class="book-chapter" id="policy-${escapeHtml(chapter.id)}">\n${chapter.html}\n</section>`).join('\n')}
</main>
</body>
</html>
`;
}

/**
 * How a repository Markdown file becomes a documentation page. The files stay plain Markdown for GitHub and the
 * package: no frontmatter, a first `#` heading as the title, and links between files by their relative paths
 * (`sampling.md#tolerable-deviations`). Here the heading becomes the page's title and each such link the page's URL.
 */
import { posix } from 'node:path';

export interface MarkdownPage {
  /** The page's id, which Starlight turns into its URL: `index` for the README, else the file's name. */
  id: string;
  title: string;
  body: string;
}

/** The page a repository file makes, or nothing for a file the site does not publish. */
export function pageId(source: string): string | undefined {
  if (source === 'README.md') return 'index';
  const match = /^docs\/([a-z0-9-]+)\.md$/.exec(source);
  return match?.[1];
}

/** The URL of the page a relative link from `source` names, or undefined when it names no page. */
export function pageUrl(source: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('/')) return undefined;
  const [path = '', fragment] = target.split('#', 2);
  const id = pageId(posix.normalize(posix.join(posix.dirname(source), path)));
  if (!id) return undefined;
  const url = id === 'index' ? '/' : `/${id}/`;
  return fragment === undefined ? url : `${url}#${fragment}`;
}

/** The title as plain text: a heading's code spans and emphasis are markup Starlight's title would print. */
function plainTitle(heading: string): string {
  return heading.replace(/[`*_]/g, '').trim();
}

/**
 * Splits off the first `#` heading as the title and rewrites links between repository files to page URLs,
 * leaving fenced code as it is. A link that names no page is left for the link check to report.
 */
export function markdownPage(source: string, text: string): MarkdownPage {
  const id = pageId(source);
  if (!id) throw new Error(`${source} is not a documentation page (README.md or docs/<name>.md)`);
  const heading = /^# (.+)\n/m.exec(text);
  if (!heading || text.slice(0, heading.index).trim() !== '') {
    throw new Error(`${source} must open with a "# Title" heading: it becomes the page's title`);
  }
  let fenced = false;
  const body = text
    .slice(heading.index + heading[0].length)
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line.replace(/\]\(([^)\s]+)\)/g, (link, target: string) => {
        const url = pageUrl(source, target);
        return url ? `](${url})` : link;
      });
    })
    .join('\n');
  return { id, title: plainTitle(heading[1]!), body };
}

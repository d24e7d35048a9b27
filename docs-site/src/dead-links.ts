/**
 * Finds the dead links of a built documentation site: a link from a page's content to a page that was not
 * built, or to a heading the page does not have. Pages are given as HTML by their path in the output folder.
 */
import { Parser } from 'htmlparser2';

export interface DeadLink {
  /** The page holding the link, by its path in the output folder (`cli/index.html`). */
  page: string;
  href: string;
  reason: string;
}

interface PageFacts {
  ids: Set<string>;
  /**
   * The links of the page's Markdown content (Starlight's `sl-markdown-content`). The sidebar and the previous
   * and next links around it come from the sidebar's configuration, whose entries Starlight checks itself.
   */
  links: string[];
}

function readPage(html: string): PageFacts {
  const ids = new Set<string>();
  const links: string[] = [];
  let depth = 0;
  // The depth at which the content element opened, while inside it.
  let contentDepth: number | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      depth += 1;
      if (attributes.id) ids.add(attributes.id);
      if (contentDepth === undefined && attributes.class?.split(/\s+/).includes('sl-markdown-content')) {
        contentDepth = depth;
      }
      if (name === 'a' && contentDepth !== undefined && attributes.href !== undefined) links.push(attributes.href);
    },
    onclosetag() {
      if (depth === contentDepth) contentDepth = undefined;
      depth -= 1;
    },
  });
  parser.write(html);
  parser.end();
  return { ids, links };
}

/** The output file a URL path is served from: `/cli/` is `cli/index.html`. */
function fileOf(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

export function findDeadLinks(pages: Map<string, string>, otherFiles: Set<string> = new Set()): DeadLink[] {
  const facts = new Map([...pages].map(([file, html]) => [file, readPage(html)]));
  const dead: DeadLink[] = [];
  for (const [page, { links }] of facts) {
    const base = new URL(`https://docs.invalid/${page.replace(/index\.html$/, '')}`);
    for (const href of links) {
      const url = new URL(href, base);
      if (url.origin !== base.origin) continue;
      const target = fileOf(url.pathname);
      const targetFacts = facts.get(target);
      if (!targetFacts) {
        if (!otherFiles.has(target)) dead.push({ page, href, reason: `no page or file at /${target}` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !targetFacts.ids.has(fragment)) {
        dead.push({ page, href, reason: `/${target} has no heading or element with id "${fragment}"` });
      }
    }
  }
  return dead;
}

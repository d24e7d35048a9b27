/**
 * Links between pages are relative, so each site works from any folder or host it is deployed to, and the
 * three sites, built together, can be split into three folders afterwards.
 */
import type { Site } from './sites.ts';

/** The path of a page inside its site, without leading slash: `policies/backup/`. */
export function sitePath(pathname: string, site: Site): string {
  const prefix = `/${site}/`;
  const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
  return path;
}

/** A link from the page at `pathname` to `target`, a path inside the same site (`policies/backup/`). */
export function relativeHref(pathname: string, site: Site, target: string): string {
  const here = sitePath(pathname, site);
  const depth = here.split('/').length - 1;
  const up = depth > 0 ? '../'.repeat(depth) : './';
  return `${up}${target}`.replace(/^\.\/(?=.)/, '');
}

/** The URL segment for a document id. */
export function slug(id: string): string {
  return encodeURIComponent(id);
}

/** Renders a page or component the way the build does, with the route data the middleware would give it. */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { SiteData } from '../../src/site/data.ts';
import { routeData } from '../../src/site/route-data.ts';
import type { CheckOptions } from '../../src/engine/index.ts';
import { check, type Files } from '../helpers/program.ts';

let container: AstroContainer | undefined;

/** The hand-over the integration would make for a program held in memory (no git history, no files). */
export function handOver(files: Files, options: CheckOptions = {}): SiteData {
  return {
    result: check(files, options),
    history: new Map(),
    trustChanges: [],
    grantFiles: [],
    trustDocumentFiles: new Map(),
  };
}

/** The HTML of `component` rendered at `pathname` (`/auditors/risks/`), from the program's route data. */
export async function renderAt(
  component: AstroComponentFactory,
  pathname: string,
  data: SiteData,
  props: Record<string, unknown> = {},
): Promise<string> {
  container ??= await AstroContainer.create();
  const trustbook = routeData(data, pathname);
  if (!trustbook) throw new Error(`${pathname} is not a page of the three sites`);
  return container.renderToString(component, {
    request: new Request(`https://trustbook.test${pathname}`),
    locals: { trustbook },
    props,
  });
}

/** The text of some HTML, tags and the dev server's source attributes aside, with spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

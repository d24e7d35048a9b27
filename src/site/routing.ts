/**
 * The one place pages reach the hand-over from the integration (`virtual:trustbook/data`): the middleware asks
 * it for each page's route data, and a route's `getStaticPaths` (which runs before any middleware) asks it for
 * the view it enumerates.
 */
import { siteData } from 'virtual:trustbook/data';
import { routeData, routeView, type RouteViews, type TrustbookRoute } from './route-data.ts';
import { siteBrand, type SiteBrand } from './brand.ts';
import type { Site } from './sites.ts';

/** A site's view, for `getStaticPaths`. */
export function siteView<S extends Site>(site: S): RouteViews[S] {
  return routeView(siteData(), site);
}

/** The route data of the page at `pathname`, for the middleware; undefined outside the three sites. */
export function routeAt(pathname: string): TrustbookRoute | undefined {
  return routeData(siteData(), pathname);
}

/** The program's branding, for `accent.css`'s `getStaticPaths` (built only when there is an accent). */
export function programBrand(): SiteBrand {
  return siteBrand(siteData().result);
}

/**
 * What a page of the three sites reads, worked out from the URL's first segment (the site) and the check the
 * integration handed over: that site's view, a link helper for the page, and the frame every page shares.
 * The middleware (src/integration/locals.ts) puts it on `Astro.locals.trustbook` before a page renders, so
 * pages, components and the layout read the program from one door, already filtered for their audience.
 */
import type { SiteData } from './data.ts';
import { siteBrand, type SiteBrand } from './brand.ts';
import { programVariables } from '../engine/variables.ts';
import { mediaTypeOf } from './media-types.ts';
import { navigationFor, type NavItem } from './navigation.ts';
import { relativeHref, sitePath } from './paths.ts';
import { contentSecurityPolicy } from './security-headers.ts';
import { siteNames, sites, type Site } from './sites.ts';
import { publicBase, publicView, servedName, withheldRoutes } from './views.ts';
import {
  auditorPageView,
  employeePageView,
  publicPageView,
  type AuditorPageView,
  type EmployeePageView,
  type PublicPageView,
} from './views/pages.ts';
import type { GrantFile } from '../trust-center/grant-files.ts';

/** A file the trust center serves as it is: a public trust document's own copy, under `documents/`. */
export interface ServedFile {
  /** Its name under `documents/`: the document's id and the file's extension. */
  name: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Each site's view as its pages read it: projections of what the site shows (src/site/views/pages.ts), and on
 * the trust center the files handed over to it. No member holds a document of the model
 * (test/architecture/views-hold-projections.test.ts).
 */
export interface RouteViews {
  public: PublicPageView & {
    /** The public trust documents' bytes, as the documents route serves them. */
    documentFiles: ServedFile[];
    /** The grants' sealed files, as the access route serves them. */
    grantFiles: readonly GrantFile[];
  };
  employees: EmployeePageView;
  auditors: AuditorPageView;
}

/** What the layout shows around every page of a site: the same on each page but for `path`. */
export interface PageFrame {
  organization: string;
  system: string;
  /** The site's own name: "Trust Center", "Policy Portal", "Evidence Index". */
  siteName: string;
  asOf: string;
  /** The readiness banner: shown on the private sites while the program prepares for its audit. */
  readinessBanner: boolean;
  /** Whether search engines may index the site: the trust center only. */
  indexable: boolean;
  /** The page's Content Security Policy: forms post only to the request-access URL, on the trust center. */
  contentSecurityPolicy: string;
  brand: SiteBrand;
  /** The values `<Var name="…" />` renders in bodies, by variable: a workspace client's answers. */
  variables: Readonly<Record<string, string>>;
  /** The trust center's address for its feeds' links; undefined off the trust center or while a default. */
  feedBase?: string | undefined;
  navigation: readonly NavItem[];
  /** The page's path inside its site (`policies/backup/`), to mark the current menu entry. */
  path: string;
}

/** The route data of a page on one site. */
export interface SiteRoute<S extends Site> {
  site: S;
  view: RouteViews[S];
  /** A relative link from this page to a path inside the same site (`policies/backup/`). */
  href: (target: string) => string;
  frame: PageFrame;
}

/** The route data of any page: narrow it by `site`, or with `routeOn`. */
export type TrustbookRoute = { [S in Site]: SiteRoute<S> }[Site];

/** The site a URL belongs to, by its first segment; undefined for a URL outside the three sites. */
export function siteOfPath(pathname: string): Site | undefined {
  const first = pathname.split('/')[1];
  return sites.find((site) => site === first);
}

const viewsOf = new WeakMap<SiteData, Partial<RouteViews>>();

/** A site's view for the data the integration handed over, worked out once per hand-over. */
export function routeView<S extends Site>(data: SiteData, site: S): RouteViews[S] {
  const views = viewsOf.get(data) ?? {};
  viewsOf.set(data, views);
  return (views[site] ??= makeView(data, site)) as RouteViews[S];
}

function makeView<S extends Site>(data: SiteData, site: S): RouteViews[S] {
  const { result, history } = data;
  const views: { [K in Site]: () => RouteViews[K] } = {
    public: () => {
      const documentFiles = publicView(result).servedDocuments.flatMap((document): ServedFile[] => {
        const bytes = data.trustDocumentFiles.get(document.data.file!);
        return bytes ? [{ name: servedName(document), mediaType: mediaTypeOf(document.data.file!), bytes }] : [];
      });
      return { ...publicPageView(result, data.trustChanges, history), documentFiles, grantFiles: data.grantFiles };
    },
    employees: () => employeePageView(result, history),
    auditors: () => auditorPageView(result, history),
  };
  return views[site]() as RouteViews[S];
}

const framesOf = new WeakMap<SiteData, Partial<Record<Site, Omit<PageFrame, 'path'>>>>();

function siteFrame(data: SiteData, site: Site): Omit<PageFrame, 'path'> {
  const frames = framesOf.get(data) ?? {};
  framesOf.set(data, frames);
  return (frames[site] ??= makeFrame(data, site));
}

function makeFrame(data: SiteData, site: Site): Omit<PageFrame, 'path'> {
  const { result } = data;
  const program = result.model.program!.data;
  const trustCenter = routeView(data, 'public');
  return {
    organization: program.organization,
    system: program.system,
    siteName: siteNames[site],
    asOf: result.summary.asOf,
    readinessBanner: result.summary.readiness && site !== 'public',
    indexable: site === 'public',
    // Only the trust center has a form, and it posts only to the request-access URL the program names.
    contentSecurityPolicy: contentSecurityPolicy(site === 'public' ? program.request_access_url : undefined),
    brand: siteBrand(result),
    variables: Object.fromEntries(programVariables(result.model)),
    // Feed readers find the trust updates from any page of the trust center (absolute: a feed may be copied alone).
    feedBase: site === 'public' ? publicBase(trustCenter.program) : undefined,
    navigation: navigationFor(
      site,
      publicView(result).trustPages,
      site === 'public' ? withheldRoutes(result) : undefined,
    ),
  };
}

/** The route data of the page at `pathname`; undefined for a URL outside the three sites. */
export function routeData(data: SiteData, pathname: string): TrustbookRoute | undefined {
  const site = siteOfPath(pathname);
  if (!site) return undefined;
  return {
    site,
    view: routeView(data, site),
    href: (target: string) => relativeHref(pathname, site, target),
    frame: { ...siteFrame(data, site), path: sitePath(pathname, site) },
  } as TrustbookRoute;
}

/**
 * The route data of a page that belongs to one site (a file under `src/routes/auditors/`, say), typed as that
 * site's. A page rendered on another site is a wiring mistake in src/integration/routes.ts, and says so.
 */
export function routeOn<S extends Site>(locals: { trustbook?: TrustbookRoute | undefined }, site: S): SiteRoute<S> {
  const route = locals.trustbook as TrustbookRoute | undefined;
  if (!route) {
    throw new Error('This page has no route data: the trustbook middleware (src/integration/locals.ts) did not run.');
  }
  if (route.site !== site) {
    throw new Error(
      `A page of the ${site} site was rendered on the ${route.site} site: see src/integration/routes.ts.`,
    );
  }
  return route as SiteRoute<S>;
}

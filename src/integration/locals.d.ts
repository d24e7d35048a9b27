/**
 * The types of what the trustbook middleware (./locals.ts) puts on `Astro.locals`, merged into Astro's own
 * `App.Locals`. Referenced from ./index.ts, so a program that installs the integration gets them too.
 */
declare namespace App {
  interface Locals {
    /**
     * The page's route data: its site, that site's view, a link helper for the page, and the frame the layout
     * shows (src/site/route-data.ts). Set on every page and endpoint of the three sites.
     *
     * @example
     * const { view, href } = routeOn(Astro.locals, 'auditors');
     */
    trustbook: import('../site/route-data.ts').TrustbookRoute;
    /**
     * While a checklist's body renders: whether each bound item is done, by binding (ChecklistProgress.states).
     * Set by DocumentBody, read by its `<Check>` items, which the MDX body passes only their own attributes.
     */
    trustbookChecks?: ReadonlyMap<string, boolean> | undefined;
  }
}

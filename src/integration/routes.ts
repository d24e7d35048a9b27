/**
 * Every page of the three sites, injected by the integration: a program's repository holds content only, and
 * no `src/pages`. A concept shown on several sites (home, policies, procedures, checklists, search) is one
 * route file with a `[site]` parameter, rendered once per site that may see it, from that site's view; the
 * post-build step splits the output by that first segment into dist/public, dist/employees and dist/auditors.
 */
export interface RouteSpec {
  /** The URL pattern, starting with the site (or `[site]`). */
  pattern: string;
  /** The route file, relative to the package's `src/routes/`. */
  entrypoint: string;
}

/** Routes rendered for more than one site. */
const shared: RouteSpec[] = [
  { pattern: '/[site]', entrypoint: 'home.astro' },
  { pattern: '/[site]/policies', entrypoint: 'policies.astro' },
  { pattern: '/[site]/policies/[id]', entrypoint: 'policy.astro' },
  { pattern: '/[site]/procedures', entrypoint: 'procedures.astro' },
  { pattern: '/[site]/procedures/[id]', entrypoint: 'procedure.astro' },
  { pattern: '/[site]/checklists/[id]', entrypoint: 'checklist.astro' },
  { pattern: '/[site]/search', entrypoint: 'search.astro' },
  { pattern: '/[site]/accent.css', entrypoint: 'accent.css.ts' },
];

/** Routes of one site, kept under `src/routes/<site>/` at the path they serve. */
const ownPages: Record<'public' | 'employees' | 'auditors', string[]> = {
  public: [
    '[page].astro',
    'practices.astro',
    'subprocessors.astro',
    'subprocessors.json.ts',
    'subprocessors.xml.ts',
    'updates.astro',
    'updates.xml.ts',
    'updates.json.ts',
    'sitemap.xml.ts',
    'robots.txt.ts',
    '.well-known/security.txt.ts',
    '.well-known/trust.json.ts',
    '.well-known/trust.schema.json.ts',
    'documents/[file].ts',
    'answers.astro',
    'answers.csv.ts',
    'request-access.astro',
    'access.astro',
    'access/[...file].ts',
  ],
  employees: ['checklists/index.astro', 'owners.astro', 'grants.astro', 'calendar.ics.ts'],
  auditors: [
    'acknowledgements.astro',
    'audit.astro',
    'controls/index.astro',
    'controls/[id].astro',
    'criteria.astro',
    'evidence/index.astro',
    'evidence/[id].astro',
    'exports/[file].ts',
    'frameworks/index.astro',
    'frameworks/[id].astro',
    'grants.astro',
    'people.astro',
    'readiness.astro',
    'requests.astro',
    'risks/index.astro',
    'risks/[id].astro',
    'statement-of-applicability.astro',
    'system-description.astro',
    'vendors.astro',
  ],
};

/** The recipient's page for a grant and the encrypted files it opens: built only when a grant publishes something. */
export const grantRoutes: readonly string[] = ['public/access.astro', 'public/access/[...file].ts'];

/**
 * A route file's URL pattern: its path without `.astro` (or an endpoint's `.ts`, leaving the extension of the
 * file it serves, as in `sitemap.xml.ts`) and without a final `index`.
 */
export function patternOf(site: string, file: string): string {
  const path = file.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '');
  return `/${site}${path ? `/${path}` : ''}`;
}

export const routes: readonly RouteSpec[] = [
  ...shared,
  ...Object.entries(ownPages).flatMap(([site, files]) =>
    files.map((file) => ({ pattern: patternOf(site, file), entrypoint: `${site}/${file}` })),
  ),
];

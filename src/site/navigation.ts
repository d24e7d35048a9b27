/** The menu of each site: label and path inside the site. */
import type { Site } from './sites.ts';
import { slug } from './paths.ts';

export interface NavItem {
  label: string;
  path: string;
}

export const navigation: Record<Site, NavItem[]> = {
  public: [
    { label: 'Overview', path: '' },
    { label: 'Security practices', path: 'practices/' },
    { label: 'Subprocessors', path: 'subprocessors/' },
    { label: 'Policies', path: 'policies/' },
    { label: 'Updates', path: 'updates/' },
    { label: 'Search', path: 'search/' },
  ],
  employees: [
    { label: 'Home', path: '' },
    { label: 'Policies', path: 'policies/' },
    { label: 'Procedures', path: 'procedures/' },
    { label: 'Checklists', path: 'checklists/' },
    { label: 'Owners', path: 'owners/' },
    { label: 'Shared under NDA', path: 'grants/' },
    { label: 'Search', path: 'search/' },
  ],
  auditors: [
    { label: 'Overview', path: '' },
    { label: 'Criteria', path: 'criteria/' },
    { label: 'Frameworks', path: 'frameworks/' },
    { label: 'Controls', path: 'controls/' },
    { label: 'Evidence', path: 'evidence/' },
    { label: 'Policies', path: 'policies/' },
    { label: 'Procedures', path: 'procedures/' },
    { label: 'Vendors', path: 'vendors/' },
    { label: 'Risks', path: 'risks/' },
    { label: 'People', path: 'people/' },
    { label: 'Acknowledgements', path: 'acknowledgements/' },
    { label: 'NDA grants', path: 'grants/' },
    { label: 'System', path: 'system-description/' },
    { label: 'SoA', path: 'statement-of-applicability/' },
    { label: 'Mock audit', path: 'audit/' },
    { label: 'Request list', path: 'requests/' },
    { label: 'Readiness', path: 'readiness/' },
    { label: 'Search', path: 'search/' },
  ],
};

/**
 * The menu of a site for a program: on the trust center, each trust page (the FAQ, say) gets an entry before
 * Search, in its `order`; the overview is the home page. A page the build holds back (`withheld`, route entry
 * points as `withheldRoutes` names them) has no entry, so no menu leads to a missing page.
 */
export function navigationFor(
  site: Site,
  trustPages: readonly { id: string; data: { title: string } }[],
  withheld: ReadonlySet<string> = new Set(),
): NavItem[] {
  const items = navigation[site].filter((item) => !withheld.has(`${site}/${item.path.replace(/\/$/, '')}.astro`));
  if (site !== 'public') return items;
  const pages = trustPages
    .filter((page) => page.id !== 'overview')
    .map((page) => ({ label: page.data.title, path: `${slug(page.id)}/` }));
  return [...items.slice(0, -1), ...pages, items.at(-1)!];
}

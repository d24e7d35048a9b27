/** The menu of each site: label and path inside the site. */
import type { Site } from './sites.ts';

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
    { label: 'FAQ', path: 'faq/' },
    { label: 'Search', path: 'search/' },
  ],
  employees: [
    { label: 'Home', path: '' },
    { label: 'Policies', path: 'policies/' },
    { label: 'Procedures', path: 'procedures/' },
    { label: 'Checklists', path: 'checklists/' },
    { label: 'Owners', path: 'owners/' },
    { label: 'Search', path: 'search/' },
  ],
  auditors: [
    { label: 'Overview', path: '' },
    { label: 'Criteria', path: 'criteria/' },
    { label: 'Controls', path: 'controls/' },
    { label: 'Evidence', path: 'evidence/' },
    { label: 'Policies', path: 'policies/' },
    { label: 'Procedures', path: 'procedures/' },
    { label: 'Vendors', path: 'vendors/' },
    { label: 'Risks', path: 'risks/' },
    { label: 'People', path: 'people/' },
    { label: 'System', path: 'system-description/' },
    { label: 'Readiness', path: 'readiness/' },
    { label: 'Search', path: 'search/' },
  ],
};

import { updatesAtom } from '../../trust-center/feeds.ts';
import { feedRoute } from './feed-route.ts';

/** The trust updates as an Atom feed. */
export const GET = feedRoute('application/atom+xml', (view, siteUrl) =>
  updatesAtom({ organization: view.program.organization, siteUrl, updates: view.updates, asOf: view.asOf }),
);

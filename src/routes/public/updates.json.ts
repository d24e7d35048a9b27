import { updatesJsonFeed } from '../../trust-center/feeds.ts';
import { feedRoute } from './feed-route.ts';

/** The trust updates as a JSON Feed 1.1. */
export const GET = feedRoute('application/feed+json', (view, siteUrl) =>
  updatesJsonFeed({ organization: view.program.organization, siteUrl, updates: view.updates, asOf: view.asOf }),
);

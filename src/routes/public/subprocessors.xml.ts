import { subprocessorFeed } from '../../trust-center/feeds.ts';
import { feedRoute } from './feed-route.ts';

/** The subprocessors as an Atom feed. */
export const GET = feedRoute('application/atom+xml', (view, siteUrl) =>
  subprocessorFeed({
    organization: view.program.organization,
    siteUrl,
    subprocessors: view.subprocessors,
    updated: view.asOf,
  }),
);

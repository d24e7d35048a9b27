import type { APIRoute } from 'astro';
import { siteData } from 'virtual:trustbook/data';
import { updatesJsonFeed } from '../../site/feeds.ts';
import { publicBase, publicView } from '../../site/views.ts';

/** The trust updates as a JSON Feed 1.1. */
export const GET: APIRoute = () => {
  const { result, trustChanges } = siteData();
  const view = publicView(result, trustChanges);
  const siteUrl = publicBase(view.program);
  // Not built while the address is a template default (withheldRoutes); `astro dev` answers 404.
  if (!siteUrl) return new Response(null, { status: 404 });
  const body = updatesJsonFeed({
    organization: view.program.organization,
    siteUrl,
    updates: view.updates,
    asOf: view.asOf,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};

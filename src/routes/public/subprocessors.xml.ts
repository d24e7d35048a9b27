import type { APIRoute } from 'astro';
import { siteData } from '../../site/data.ts';
import { subprocessorFeed } from '../../site/feeds.ts';
import { publicView } from '../../site/views.ts';

export const GET: APIRoute = () => {
  const view = publicView(siteData().result);
  const body = subprocessorFeed({
    organization: view.program.organization,
    siteUrl: view.program.trust_center_url ?? view.program.website,
    subprocessors: view.subprocessors,
    updated: view.asOf,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

import type { APIRoute } from 'astro';
import { siteData } from 'virtual:trustbook/data';
import { subprocessorFeed } from '../../site/feeds.ts';
import { publicBase, publicView } from '../../site/views.ts';

export const GET: APIRoute = () => {
  const view = publicView(siteData().result);
  const siteUrl = publicBase(view.program);
  // Not built while the address is a template default (withheldRoutes); `astro dev` answers 404.
  if (!siteUrl) return new Response(null, { status: 404 });
  const body = subprocessorFeed({
    organization: view.program.organization,
    siteUrl,
    subprocessors: view.subprocessors,
    updated: view.asOf,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

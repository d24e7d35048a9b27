import type { APIRoute } from 'astro';
import { siteData } from 'virtual:trustbook/data';
import { subprocessorChanges } from '../../site/feeds.ts';
import { publicView } from '../../site/views.ts';

export const GET: APIRoute = () => {
  const view = publicView(siteData().result);
  const body = {
    organization: view.program.organization,
    asOf: view.asOf,
    changes: subprocessorChanges(view.subprocessors),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};

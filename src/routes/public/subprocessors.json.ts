import type { APIRoute } from 'astro';
import { subprocessorChanges } from '../../trust-center/feeds.ts';
import { routeOn } from '../../site/route-data.ts';

export const GET: APIRoute = ({ locals }) => {
  const { view } = routeOn(locals, 'public');
  const body = {
    organization: view.program.organization,
    asOf: view.asOf,
    changes: subprocessorChanges(view.subprocessors),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};

import type { APIRoute } from 'astro';
import { routeOn } from '../../../site/route-data.ts';

/** A machine-readable summary of the trust center, documented in docs/sites.md. */
export const GET: APIRoute = ({ locals }) => {
  const { view } = routeOn(locals, 'public');
  return new Response(`${JSON.stringify(view.trustSummary(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

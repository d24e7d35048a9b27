import type { APIRoute } from 'astro';
import { routeOn } from '../../../site/route-data.ts';
import { trustSummary } from '../../../trust-center/trust-summary.ts';

/** A machine-readable summary of the trust center, documented in docs/sites.md. */
export const GET: APIRoute = ({ locals }) => {
  const { view } = routeOn(locals, 'public');
  return new Response(`${JSON.stringify(trustSummary(view), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

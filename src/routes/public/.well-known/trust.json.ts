import type { APIRoute } from 'astro';
import { policyTextHash } from '../../../engine/policy-text.ts';
import { siteData } from 'virtual:trustbook/data';
import { trustSummary } from '../../../site/trust-summary.ts';
import { publicView } from '../../../site/views.ts';

/** A machine-readable summary of the trust center, documented in the README. */
export const GET: APIRoute = () => {
  const view = publicView(siteData().result);
  return new Response(`${JSON.stringify(trustSummary(view, policyTextHash), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

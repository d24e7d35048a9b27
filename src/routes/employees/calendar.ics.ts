import type { APIRoute } from 'astro';
import { calendar } from '../../trust-center/feeds.ts';
import { routeOn } from '../../site/route-data.ts';

/** Upcoming policy reviews, for employees' calendar apps. */
export const GET: APIRoute = ({ locals }) => {
  const { view } = routeOn(locals, 'employees');
  const host = new URL(view.program.website).hostname;
  const events = view.policies
    .map((policy) => ({
      uid: `policy-review-${policy.id}@${host}`,
      date: policy.internal!.reviewDue,
      summary: `Review due: ${policy.title}`,
      description: `Version ${policy.version} was approved on ${policy.internal!.approved}.`,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const body = calendar({ name: `${view.program.organization} policy reviews`, stamp: view.asOf, events });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};

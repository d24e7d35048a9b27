import type { APIRoute } from 'astro';
import { policyReviewDue } from '../../engine/deadlines.ts';
import { siteData } from 'virtual:trustbook/data';
import { calendar } from '../../site/feeds.ts';
import { employeeView } from '../../site/views.ts';

/** Upcoming policy reviews, for employees' calendar apps. */
export const GET: APIRoute = () => {
  const view = employeeView(siteData().result);
  const host = new URL(view.program.website).hostname;
  const events = view.policies
    .map((policy) => ({
      uid: `policy-review-${policy.id}@${host}`,
      date: policyReviewDue(policy),
      summary: `Review due: ${policy.data.title}`,
      description: `Version ${policy.data.version} was approved on ${policy.data.approved}.`,
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const body = calendar({ name: `${view.program.organization} policy reviews`, stamp: view.asOf, events });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};

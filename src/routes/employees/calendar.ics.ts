import type { APIRoute } from 'astro';
import { calendar } from '../../trust-center/feeds.ts';
import { routeOn } from '../../site/route-data.ts';

/** Upcoming policy reviews, for employees' calendar apps. */
export const GET: APIRoute = ({ locals }) => {
  const { view } = routeOn(locals, 'employees');
  const host = new URL(view.program.website).hostname;
  // The portal lists approved policies only; a draft would have no review to put in a calendar.
  const events = view.policies
    .flatMap(({ id, title, version, internal }) =>
      internal?.reviewDue === undefined
        ? []
        : [
            {
              uid: `policy-review-${id}@${host}`,
              date: internal.reviewDue,
              summary: `Review due: ${title}`,
              description: `Version ${version} was approved on ${internal.approved}.`,
            },
          ],
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  const body = calendar({ name: `${view.program.organization} policy reviews`, stamp: view.asOf, events });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};

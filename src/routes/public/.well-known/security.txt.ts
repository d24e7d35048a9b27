import type { APIRoute } from 'astro';
import { securityTxtOf } from '../../../trust-center/feeds.ts';
import { routeOn } from '../../../site/route-data.ts';

export const GET: APIRoute = ({ locals }) => {
  const { view } = routeOn(locals, 'public');
  const body = securityTxtOf(view.program, view.asOf);
  // Not built while the contact is a template default (withheldRoutes); `astro dev` answers 404.
  if (body === undefined) return new Response(null, { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

import type { APIRoute } from 'astro';
import { routeOn } from '../../site/route-data.ts';
import { publicBase } from '../../site/views.ts';
import { robotsTxt } from '../../trust-center/sitemap.ts';

/** The trust center's robots.txt: crawling allowed, and where the sitemap is. The private sites have none. */
export const GET: APIRoute = ({ locals }) => {
  const { view } = routeOn(locals, 'public');
  return new Response(robotsTxt(publicBase(view.program)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};

/**
 * A feed of the trust center (Atom or JSON Feed): made from the public view, with absolute links at the
 * program's public address. Not built while that address is a template default (withheldRoutes); `astro dev`
 * answers 404.
 */
import type { APIRoute } from 'astro';
import { routeOn, type RouteViews } from '../../site/route-data.ts';
import { publicBase } from '../../site/views.ts';

export function feedRoute(
  contentType: string,
  render: (view: RouteViews['public'], siteUrl: string) => string,
): APIRoute {
  return ({ locals }) => {
    const { view } = routeOn(locals, 'public');
    const siteUrl = publicBase(view.program);
    if (!siteUrl) return new Response(null, { status: 404 });
    return new Response(render(view, siteUrl), { headers: { 'Content-Type': `${contentType}; charset=utf-8` } });
  };
}

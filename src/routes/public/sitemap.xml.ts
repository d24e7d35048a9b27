import type { APIRoute } from 'astro';
import { sitemap } from '../../trust-center/feeds.ts';
import { navigation } from '../../site/navigation.ts';
import { slug } from '../../site/paths.ts';
import { routeOn } from '../../site/route-data.ts';
import { publicBase } from '../../site/views.ts';

export const GET: APIRoute = ({ locals }) => {
  const { view, frame } = routeOn(locals, 'public');
  const base = publicBase(view.program);
  // Not built while the address is a template default (withheldRoutes); `astro dev` answers 404.
  if (!base) return new Response(null, { status: 404 });
  const paths = [
    // The fixed pages this build has (a page held back has no menu entry), so the sitemap names no missing page.
    ...navigation.public
      .filter((item) => item.path !== 'search/' && frame.navigation.some((shown) => shown.path === item.path))
      .map((item) => item.path),
    ...view.policies.map((policy) => `policies/${slug(policy.id)}/`),
    ...view.trustPages.filter((page) => page.id !== 'overview').map((page) => `${slug(page.id)}/`),
  ];
  return new Response(
    sitemap(
      [...new Set(paths)].map((path) => `${base}${path}`),
      view.asOf,
    ),
    {
      headers: { 'Content-Type': 'application/xml' },
    },
  );
};

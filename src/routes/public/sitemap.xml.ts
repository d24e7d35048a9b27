import type { APIRoute } from 'astro';
import { sitemap, sitemapPages } from '../../trust-center/sitemap.ts';
import { navigation } from '../../site/navigation.ts';
import { slug } from '../../site/paths.ts';
import { routeOn } from '../../site/route-data.ts';
import { publicBase } from '../../site/views.ts';

export const GET: APIRoute = ({ locals }) => {
  const { view, frame } = routeOn(locals, 'public');
  const base = publicBase(view.program);
  // Not built while the address is a template default (withheldRoutes); `astro dev` answers 404.
  if (!base) return new Response(null, { status: 404 });
  const pages = sitemapPages({
    asOf: view.asOf,
    // The fixed pages this build has (a page held back has no menu entry), so the sitemap names no missing page.
    menu: navigation.public
      .filter((item) => frame.navigation.some((shown) => shown.path === item.path))
      .map((item) => item.path),
    policies: view.policies.map((policy) => ({
      path: `policies/${slug(policy.id)}/`,
      effective: policy.effective,
    })),
    trustPages: view.trustPages.filter((page) => page.id !== 'overview').map((page) => `${slug(page.id)}/`),
    answers: view.answers.length > 0,
    requestAccess: view.requestAccess,
    updates: view.updates,
  });
  return new Response(sitemap(base, pages), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

/**
 * The program's accent colour as a stylesheet of its own, one per site: a `style` attribute would need
 * `'unsafe-inline'` in the Content Security Policy, which would also let injected markup restyle a page.
 * `html:root` outranks site.css's own `:root`, whichever comes first. Built only when `brand.accent` is a valid `#rrggbb` (siteBrand), so nothing but a colour is ever written.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { programBrand } from '../site/routing.ts';
import { sites } from '../site/sites.ts';

export const getStaticPaths = (() =>
  programBrand().accent === undefined ? [] : sites.map((site) => ({ params: { site } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ locals }) => {
  const { accent } = locals.trustbook.frame.brand;
  return new Response(`html:root {\n  --accent: ${accent};\n}\n`, { headers: { 'Content-Type': 'text/css' } });
};

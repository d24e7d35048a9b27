import type { APIRoute } from 'astro';
import { addDays } from '../../../engine/dates.ts';
import { siteData } from 'virtual:trustbook/data';
import { securityTxt } from '../../../site/feeds.ts';
import { publicView } from '../../../site/views.ts';

/** security.txt expires this many days after the evaluation date; a scheduled build keeps it fresh. */
const EXPIRES_AFTER_DAYS = 180;

export const GET: APIRoute = () => {
  const view = publicView(siteData().result);
  const contact = view.program.contact;
  // Not built while the contact is a template default (withheldRoutes); `astro dev` answers 404.
  if (!contact) return new Response(null, { status: 404 });
  const base = (view.program.trust_center_url ?? '').replace(/\/?$/, '/');
  const body = securityTxt({
    contact,
    expires: addDays(view.asOf, EXPIRES_AFTER_DAYS),
    ...(view.program.trust_center_url ? { canonical: `${base}.well-known/security.txt`, policy: `${base}faq/` } : {}),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

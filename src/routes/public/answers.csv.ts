import type { APIRoute } from 'astro';
import { routeOn } from '../../site/route-data.ts';

/** The public answers in a questionnaire's layout, for a buyer to paste into their own. */
export const GET: APIRoute = ({ locals }) =>
  new Response(routeOn(locals, 'public').view.answersCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

import type { APIRoute } from 'astro';
import { siteData } from 'virtual:trustbook/data';
import { answersCsv } from '../../export/answers.ts';

/** The public answers in a questionnaire's layout, for a buyer to paste into their own. */
export const GET: APIRoute = () =>
  new Response(answersCsv(siteData().result, 'public'), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

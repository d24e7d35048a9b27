import type { APIRoute, GetStaticPaths } from 'astro';
import { routeOn } from '../../../site/route-data.ts';
import { siteView } from '../../../site/routing.ts';

/** The same files `trustbook export` writes, offered for download on the auditor site. */
export const getStaticPaths = (() =>
  siteView('auditors').exports.map((exported) => ({ params: { file: exported.file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, locals }) => {
  const exported = routeOn(locals, 'auditors').view.exports.find((candidate) => candidate.file === params.file)!;
  return new Response(exported.contents(), { headers: { 'Content-Type': exported.mediaType } });
};

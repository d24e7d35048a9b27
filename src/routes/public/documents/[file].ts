import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteData } from 'virtual:trustbook/data';
import { mediaTypeOf } from '../../../site/media-types.ts';
import { publicView, servedName } from '../../../site/views.ts';

/** The public trust documents the trust center serves itself; a document under NDA is never among them. */
export const getStaticPaths = (() =>
  publicView(siteData().result).servedDocuments.map((document) => ({
    params: { file: servedName(document) },
    props: { path: document.data.file! },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const path = (props as { path: string }).path;
  return new Response(readFileSync(join(siteData().root, path)), { headers: { 'Content-Type': mediaTypeOf(path) } });
};

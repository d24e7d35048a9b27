import type { APIRoute, GetStaticPaths } from 'astro';
import { siteView } from '../../../site/routing.ts';

/**
 * The public trust documents the trust center serves itself; a document under NDA is never among them. Their
 * bytes were read when the program was checked (src/integration/trust-documents-fs.ts), not here.
 */
export const getStaticPaths = (() =>
  siteView('public').documentFiles.map((file) => ({
    params: { file: file.name },
    props: { bytes: file.bytes, mediaType: file.mediaType },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { bytes, mediaType } = props as { bytes: Uint8Array<ArrayBuffer>; mediaType: string };
  return new Response(bytes, { headers: { 'Content-Type': mediaType } });
};

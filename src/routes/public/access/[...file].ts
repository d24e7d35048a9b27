import type { APIRoute, GetStaticPaths } from 'astro';
import { siteView } from '../../../site/routing.ts';

/**
 * The grants' files, as the build sealed them: for each grant a manifest (`<name>.json`) and its documents
 * (`<name>/<n>.bin`), all ciphertext, under a name only the holder of the link can work out.
 */
export const getStaticPaths = (() =>
  siteView('public').grantFiles.map((file) => ({
    params: { file: file.path },
    props: { bytes: file.bytes },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { bytes } = props as { bytes: Uint8Array<ArrayBuffer> };
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
};

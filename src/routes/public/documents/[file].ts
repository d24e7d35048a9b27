import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteData } from 'virtual:trustbook/data';
import { publicView, servedName } from '../../../site/views.ts';

/** The public trust documents the trust center serves itself; a document under NDA is never among them. */
export const getStaticPaths = (() =>
  publicView(siteData().result).servedDocuments.map((document) => ({
    params: { file: servedName(document) },
    props: { path: document.data.file! },
  }))) satisfies GetStaticPaths;

const types: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export const GET: APIRoute = ({ props }) => {
  const path = (props as { path: string }).path;
  const type = types[/\.[a-z0-9]+$/i.exec(path)?.[0]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  return new Response(readFileSync(join(siteData().root, path)), { headers: { 'Content-Type': type } });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { exporters } from '../../../export/index.ts';
import { siteData } from 'virtual:trustbook/data';
import { auditorResult } from '../../../site/views.ts';

/** The same files `trustbook export` writes, offered for download on the auditor site. */
export const getStaticPaths = (() =>
  Object.values(exporters).map((exporter) => ({
    params: { file: exporter.file },
    props: { kind: exporter.file },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const exporter = Object.values(exporters).find((candidate) => candidate.file === params.file)!;
  const body = exporter.write(auditorResult(siteData().result));
  return new Response(body, { headers: { 'Content-Type': exporter.mediaType } });
};

import type { APIRoute } from 'astro';
import schema from '../../../trust-center/trust.schema.json' with { type: 'json' };

/** The JSON Schema of trust.json, which names it in its `$schema`; the same for every program. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });

/**
 * The middleware the integration registers (`addMiddleware`, order `pre`): before a page or endpoint of the
 * three sites renders, it puts that page's route data on `Astro.locals.trustbook` (src/site/route-data.ts),
 * typed in ./locals.d.ts. Pages read the program only from there.
 */
import type { MiddlewareHandler } from 'astro';
import { routeAt } from '../site/routing.ts';

export const onRequest: MiddlewareHandler = (context, next) => {
  const route = routeAt(context.url.pathname);
  if (route) context.locals.trustbook = route;
  return next();
};

/**
 * What the build and the recipient's browser must agree on to find a grant's files: the prefix hashed with the
 * key to name them (`src/engine/grants.ts` in Node, `src/scripts/access.ts` in the browser).
 */
export const GRANT_TOKEN_PREFIX = 'trustbook grant token v1\u0000';

/**
 * Pages get projections, never documents. The type check walks what each site's pages receive (the route data's
 * view, through arrays, maps, functions and nested objects) and finds any raw `Document` of the model on the way:
 * a view member that hands pages a document does not compile. The test beside it proves the walk finds one.
 */
import { describe, expect, it } from 'vitest';
import type { RouteViews } from '../../src/site/route-data.ts';

/** Where in `T` a raw document sits, as a path of member names; `never` when nowhere. */
type DocumentPath<T, Depth extends unknown[] = []> = Depth['length'] extends 8
  ? never
  : T extends { keyLines: unknown; bodyLine: number; data: unknown }
    ? 'Document'
    : T extends string | number | boolean | bigint | symbol | null | undefined | Uint8Array
      ? never
      : T extends (...args: infer A) => infer R
        ? DocumentPath<R, [...Depth, 1]> | { [K in keyof A]: DocumentPath<A[K], [...Depth, 1]> }[number]
        : T extends ReadonlyMap<infer K, infer V>
          ? DocumentPath<K, [...Depth, 1]> | DocumentPath<V, [...Depth, 1]>
          : T extends ReadonlySet<infer V>
            ? DocumentPath<V, [...Depth, 1]>
            : T extends readonly (infer E)[]
              ? DocumentPath<E, [...Depth, 1]>
              : T extends object
                ? { [K in keyof T & string]: `${K}.${DocumentPath<T[K], [...Depth, 1]> & string}` }[keyof T & string]
                : never;

/** For each site, `'none'`, or the paths to the documents its pages would receive (the compiler prints them). */
type Found = {
  [S in keyof RouteViews]: [DocumentPath<RouteViews[S]>] extends [never] ? 'none' : DocumentPath<RouteViews[S]>;
};
const found: Found = { public: 'none', employees: 'none', auditors: 'none' };

describe('what pages receive', () => {
  it('holds no raw document on any site', () => {
    expect(found).toBeDefined();
  });
});

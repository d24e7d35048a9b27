/**
 * Pages get projections, never documents. The type check walks what each site's pages receive (the route data's
 * view: nested objects, arrays, maps, sets, and what its functions take and return) and names the path to any
 * raw `Document` of the model on the way, so a view member that would hand pages a document does not compile:
 * the compiler prints the path (`controls.Document`). The type check (`tsc --noEmit`, in `npm run typecheck`)
 * is the test; vitest only runs it. test/architecture/pages-read-views.test.ts holds the other side: no page
 * names a document type.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/engine/model.ts';
import type { RouteViews } from '../../src/site/route-data.ts';
import type { ControlData } from '../../src/schema/index.ts';

/** Where in `T` a raw document sits, as member paths; `never` when nowhere (looked for 8 levels down). */
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

/** `'none'`, or the paths to the documents `T` holds (the compiler prints them when a `'none'` does not fit). */
type Documents<T> = [DocumentPath<T>] extends [never] ? 'none' : DocumentPath<T>;

describe('what pages receive', () => {
  it('holds no raw document on any site', () => {
    const found: { [S in keyof RouteViews]: Documents<RouteViews[S]> } = {
      public: 'none',
      employees: 'none',
      auditors: 'none',
    };
    expect(found).toEqual({ public: 'none', employees: 'none', auditors: 'none' });
  });

  it('is looked for in arrays, maps, functions and nested members', () => {
    type Planted = {
      title: string;
      controls: Document<ControlData>[];
      byId: ReadonlyMap<string, { control: Document<ControlData> }>;
      evidenceOf: (id: string) => readonly Document<ControlData>[];
    };
    const paths: Documents<Planted>[] = ['controls.Document', 'byId.control.Document', 'evidenceOf.Document'];
    const clean: Documents<{ title: string; latest: () => string | undefined }> = 'none';
    expect([...paths, clean]).toHaveLength(4);
  });
});

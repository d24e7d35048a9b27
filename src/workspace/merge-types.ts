/** What a three-way merge of a library document into a client's copy reports. */

/** A field or a section both the library and the client changed, differently. */
export type Conflict =
  | { kind: 'field'; name: string; base: unknown; library: unknown; client: unknown }
  | {
      kind: 'section';
      /** The section's heading slug, or `#preamble`. */
      name: string;
      /** Each version's lines of the section; `undefined` where that version has no such section. */
      base: string[] | undefined;
      library: string[] | undefined;
      client: string[] | undefined;
    };

/** A library change under something the client keeps on purpose: for a person to review, never merged. */
export type OverrideReview =
  | { kind: 'field'; name: string; base: unknown; library: unknown }
  | { kind: 'section'; name: string; base: string[] | undefined; library: string[] | undefined };

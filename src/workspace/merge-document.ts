/**
 * Carries a library change into a client's copy of a document: three versions of one MDX file (the library's
 * text the client last took, the library's text now, the client's file) merged frontmatter key by key and
 * body section by section. A conflict never reaches a site: by default the client's file is left as it is and
 * the conflicts say what each version holds; with `markers`, conflicting sections are written with standard
 * conflict markers, which the check then refuses. Frontmatter conflicts always leave the file untouched:
 * markers inside YAML would make it unreadable rather than reviewable.
 *
 * What the client keeps on purpose is declared in its own frontmatter and never merged:
 *
 * ```yaml
 * overrides:
 *   - field: review_months
 *     reason: Reviewed twice a year at the customer's request
 *   - section: exceptions
 *     reason: Our exceptions process runs through the works council
 * ```
 *
 * A library change under an override is reported for a person to review.
 */
import { parseFrontmatterDocument } from '../engine/frontmatter.ts';
import type { BodySyntax } from '../engine/body-tree.ts';
import { mergeBody } from './merge-body.ts';
import { mergeFrontmatter, overridesKey } from './merge-frontmatter.ts';
import type { Conflict, OverrideReview } from './merge-types.ts';

export type { Conflict, OverrideReview } from './merge-types.ts';

export interface DocumentVersions {
  /** The library's text as the client last took it (kept in the sync record). */
  base: string;
  /** The library's text now. */
  library: string;
  /** The client's file. */
  client: string;
  syntax?: BodySyntax;
}

export interface DocumentMerge {
  /** The text to write; `undefined` when the client's file must be left as it is (a conflict, no markers). */
  text: string | undefined;
  /** Whether the merged text differs from the client's file. */
  changed: boolean;
  /** Frontmatter keys and section ids the merge took from the library. */
  fields: string[];
  sections: string[];
  conflicts: Conflict[];
  overridesToReview: OverrideReview[];
}

export function mergeDocument(versions: DocumentVersions, options: { markers?: boolean } = {}): DocumentMerge {
  const [base, library, client] = [versions.base, versions.library, versions.client].map(split) as [
    Split,
    Split,
    Split,
  ];
  const overridden = overridesOf(client.yaml);
  const frontmatter = mergeFrontmatter({
    base: base.yaml,
    library: library.yaml,
    client: client.yaml,
    overridden: overridden.fields,
  });
  const body = mergeBody(
    {
      base: base.body,
      library: library.body,
      client: client.body,
      overridden: overridden.sections,
      ...(versions.syntax ? { syntax: versions.syntax } : {}),
    },
    options,
  );
  const conflicts = [...frontmatter.conflicts, ...body.conflicts];
  const writable = frontmatter.conflicts.length === 0 && (conflicts.length === 0 || options.markers === true);
  const text = writable
    ? ['---', ...(frontmatter.text ? [frontmatter.text] : []), '---', body.text].join('\n')
    : undefined;
  return {
    text,
    changed: text !== undefined && text !== versions.client,
    fields: frontmatter.changed,
    sections: body.changed,
    conflicts,
    overridesToReview: [...frontmatter.overridesToReview, ...body.overridesToReview],
  };
}

interface Split {
  yaml: string;
  body: string;
}

/** A document's frontmatter text and body; the merge works on the texts, the reader finds the fences. */
function split(text: string): Split {
  const parsed = parseFrontmatterDocument(text);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (parsed.bodyLine < 3) return { yaml: '', body: text };
  return { yaml: lines.slice(1, parsed.bodyLine - 2).join('\n'), body: parsed.body };
}

/** The fields and sections the client's `overrides:` names. */
function overridesOf(yaml: string): { fields: Set<string>; sections: Set<string> } {
  const entries = overrideEntries(yaml);
  return {
    fields: new Set(entries.filter((entry) => entry.kind === 'field').map((entry) => entry.name)),
    sections: new Set(entries.filter((entry) => entry.kind === 'section').map((entry) => entry.name)),
  };
}

export interface OverrideEntry {
  kind: 'field' | 'section';
  name: string;
  /** When the difference was last approved, as written (the check validates it). */
  approved: string | undefined;
}

/** The `overrides:` entries of a document's frontmatter text (without the `---` fences). */
export function overrideEntries(yaml: string): OverrideEntry[] {
  const parsed = parseFrontmatterDocument(`---\n${yaml}\n---\n`).data;
  const entries = (parsed as Record<string, unknown> | undefined)?.[overridesKey];
  const found: OverrideEntry[] = [];
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (entry === null || typeof entry !== 'object') continue;
    const { field, section, approved } = entry as { field?: unknown; section?: unknown; approved?: unknown };
    const when = typeof approved === 'string' ? approved : undefined;
    if (typeof field === 'string') found.push({ kind: 'field', name: field, approved: when });
    if (typeof section === 'string') found.push({ kind: 'section', name: section, approved: when });
  }
  return found;
}

/** The overrides of a whole document's text. */
export function documentOverrides(text: string): OverrideEntry[] {
  return overrideEntries(split(text).yaml);
}

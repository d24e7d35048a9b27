/**
 * Three-way merge of a document's frontmatter, key by key: the library's text when the client left a key as
 * the library once wrote it, the client's when the library did not change it, either when both agree, and a
 * conflict only when both changed the same key differently. A list of plain values (criteria, audiences,
 * tags) is merged as a set, so the library adding a criterion and the client adding another is no conflict.
 * The client's YAML keeps its comments, order and quoting: only the keys that change are rewritten.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isNode, isSeq, parseDocument, type Document } from 'yaml';
import type { Conflict, OverrideReview } from './merge-types.ts';

export interface FrontmatterMerge {
  /** The merged YAML text; the client's text unchanged when nothing changed. */
  text: string;
  /** Keys whose value the merge took from the library. */
  changed: string[];
  conflicts: Conflict[];
  overridesToReview: OverrideReview[];
}

export interface FrontmatterVersions {
  base: string;
  library: string;
  client: string;
  /** Keys the client keeps on purpose (its `overrides:`), never touched by a merge. */
  overridden: ReadonlySet<string>;
}

/** The key that records a client's deliberate differences; it belongs to the client alone. */
export const overridesKey = 'overrides';

export function mergeFrontmatter(versions: FrontmatterVersions): FrontmatterMerge {
  const base = readMap(versions.base);
  const library = readMap(versions.library);
  const clientDocument = parseYaml(versions.client);
  const client = plain(clientDocument);
  const changed: string[] = [];
  const conflicts: Conflict[] = [];
  const overridesToReview: OverrideReview[] = [];

  const keys = [...new Set([...Object.keys(client), ...Object.keys(library), ...Object.keys(base)])];
  for (const key of keys) {
    if (key === overridesKey) continue;
    const [b, l, c] = [base[key], library[key], client[key]];
    if (versions.overridden.has(key)) {
      if (!isDeepStrictEqual(b, l)) overridesToReview.push({ kind: 'field', name: key, base: b, library: l });
      continue;
    }
    const merged = mergeValue(b, l, c);
    if (merged.conflict) {
      conflicts.push({ kind: 'field', name: key, base: b, library: l, client: c });
      continue;
    }
    if (isDeepStrictEqual(merged.value, c)) continue;
    changed.push(key);
    if (merged.value === undefined) clientDocument.delete(key);
    else clientDocument.set(key, nodeFor(clientDocument, versions.library, key, merged.value, l));
  }

  const text =
    changed.length === 0
      ? versions.client
      : clientDocument.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
  return { text, changed, conflicts, overridesToReview };
}

type Merged = { conflict: false; value: unknown } | { conflict: true };

/** One key's three values, `undefined` where a version does not have the key. */
export function mergeValue(base: unknown, library: unknown, client: unknown): Merged {
  if (isDeepStrictEqual(library, client)) return { conflict: false, value: client };
  if (isDeepStrictEqual(base, client)) return { conflict: false, value: library };
  if (isDeepStrictEqual(base, library)) return { conflict: false, value: client };
  if (isPlainList(library) && isPlainList(client) && (base === undefined || isPlainList(base))) {
    return { conflict: false, value: mergeSet(base ?? [], library, client) };
  }
  return { conflict: true };
}

/** The client's list, less what the library removed, plus what the library added, in the library's order. */
function mergeSet(base: readonly unknown[], library: readonly unknown[], client: readonly unknown[]): unknown[] {
  const has = (list: readonly unknown[], item: unknown) => list.some((other) => isDeepStrictEqual(other, item));
  const kept = client.filter((item) => !(has(base, item) && !has(library, item)));
  const added = library.filter((item) => !has(base, item) && !has(kept, item));
  return [...kept, ...added];
}

function isPlainList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}

function parseYaml(text: string): Document {
  return parseDocument(text, { schema: 'core', uniqueKeys: false });
}

function plain(document: Document): Record<string, unknown> {
  const value: unknown = document.toJS();
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function readMap(text: string): Record<string, unknown> {
  return plain(parseYaml(text));
}

/**
 * The node to write: the library's own (its quoting and layout) when the merge took the library's value as it
 * is, else a merged list laid out as the client's list was (`[a, b]` stays on one line).
 */
function nodeFor(client: Document, libraryText: string, key: string, value: unknown, libraryValue: unknown): unknown {
  if (isDeepStrictEqual(value, libraryValue)) {
    const contents = parseYaml(libraryText).contents;
    const node = isMap(contents) ? contents.get(key, true) : undefined;
    if (isNode(node)) return node.clone();
  }
  const node = client.createNode(value);
  const existing = client.get(key, true);
  if (isSeq(node) && isSeq(existing)) node.flow = existing.flow ?? false;
  return node;
}

/** Finds the content-collection entry holding a model document's MDX body, for `render()`. */
import { getEntry, type CollectionKey } from 'astro:content';
import { kindInfo, type DocumentKind } from '../engine/document-kinds.ts';
import { entryId } from './entry-id.ts';

export async function bodyEntry(document: { kind: DocumentKind; file: string }) {
  const collection = kindInfo(document.kind).collection as CollectionKey | undefined;
  if (!collection) return undefined;
  return getEntry(collection, entryId(document.file));
}

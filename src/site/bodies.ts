/** Finds the content-collection entry holding a model document's MDX body, for `render()`. */
import { getEntry, type CollectionKey } from 'astro:content';
import type { DocumentKind } from '../engine/document-kinds.ts';

const collectionOf: Partial<Record<DocumentKind, CollectionKey>> = {
  policy: 'policies',
  control: 'controls',
  procedure: 'procedures',
  evidence: 'evidence',
  risk: 'risks',
  checklist: 'checklists',
  'trust-page': 'trust',
  'system-description': 'system',
  assertion: 'assertion',
};

export async function bodyEntry(document: { kind: DocumentKind; file: string }) {
  const collection = collectionOf[document.kind];
  if (!collection) return undefined;
  const name = document.file.slice(document.file.lastIndexOf('/') + 1).replace(/\.(md|mdx)$/, '');
  return getEntry(collection, name);
}

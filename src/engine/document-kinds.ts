/** Where each kind of document lives, which schema it follows, and how its id is found. */
import type { z } from 'astro/zod';
import {
  answerSchema,
  assertionSchema,
  attestationSchema,
  checklistSchema,
  controlSchema,
  evidenceSchema,
  grantSchema,
  ndaSchema,
  policySchema,
  procedureSchema,
  riskSchema,
  systemDescriptionSchema,
  trustDocumentSchema,
  trustPageSchema,
  vendorSchema,
} from '../schema/index.ts';

export type DocumentKind =
  | 'policy'
  | 'control'
  | 'procedure'
  | 'evidence'
  | 'vendor'
  | 'risk'
  | 'checklist'
  | 'trust-page'
  | 'trust-document'
  | 'attestation'
  | 'nda'
  | 'grant'
  | 'answer'
  | 'system-description'
  | 'assertion';

export interface DocumentKindInfo {
  kind: DocumentKind;
  /** Folder (or, for a single document, file) relative to the project root. */
  path: string;
  /** Whether `path` is one file rather than a folder of documents. */
  single?: boolean;
  /** File endings read as documents. `.yaml`/`.yml` files hold only fields, no body. */
  extensions: readonly string[];
  schema: z.ZodType;
  /** What a person calls this kind in a message. */
  noun: string;
  /** The content collection whose entries render this kind's bodies on the sites, if the sites show them. */
  collection?: string;
  /** Whether the sites show each document's revision history from git. */
  history?: boolean;
}

const markdown = ['.mdx', '.md'] as const;

export const documentKinds: readonly DocumentKindInfo[] = [
  {
    kind: 'policy',
    path: 'policies',
    extensions: markdown,
    schema: policySchema,
    noun: 'policy',
    collection: 'policies',
    history: true,
  },
  {
    kind: 'control',
    path: 'content/controls',
    extensions: markdown,
    schema: controlSchema,
    noun: 'control',
    collection: 'controls',
    history: true,
  },
  {
    kind: 'procedure',
    path: 'content/procedures',
    extensions: markdown,
    schema: procedureSchema,
    noun: 'procedure',
    collection: 'procedures',
    history: true,
  },
  {
    kind: 'evidence',
    path: 'evidence-index',
    extensions: markdown,
    schema: evidenceSchema,
    noun: 'evidence series',
    collection: 'evidence',
  },
  {
    kind: 'vendor',
    path: 'content/vendors',
    extensions: [...markdown, '.yaml', '.yml'],
    schema: vendorSchema,
    noun: 'vendor',
  },
  { kind: 'risk', path: 'content/risks', extensions: markdown, schema: riskSchema, noun: 'risk', collection: 'risks' },
  {
    kind: 'checklist',
    path: 'content/checklists',
    extensions: markdown,
    schema: checklistSchema,
    noun: 'checklist',
    collection: 'checklists',
  },
  {
    kind: 'trust-page',
    path: 'content/trust',
    extensions: markdown,
    schema: trustPageSchema,
    noun: 'trust page',
    collection: 'trust',
  },
  {
    kind: 'trust-document',
    path: 'content/trust/documents',
    extensions: ['.yaml', '.yml'],
    schema: trustDocumentSchema,
    noun: 'trust document',
  },
  {
    kind: 'attestation',
    path: 'content/trust/attestations',
    extensions: ['.yaml', '.yml'],
    schema: attestationSchema,
    noun: 'attestation',
  },
  {
    kind: 'nda',
    path: 'content/trust/nda',
    extensions: ['.md'],
    schema: ndaSchema,
    noun: 'NDA text',
  },
  {
    kind: 'grant',
    path: 'content/trust/grants',
    extensions: ['.yaml', '.yml'],
    schema: grantSchema,
    noun: 'grant',
  },
  {
    kind: 'answer',
    path: 'content/answers',
    extensions: ['.yaml', '.yml'],
    schema: answerSchema,
    noun: 'answer',
  },
  {
    kind: 'system-description',
    path: 'content/system-description.mdx',
    single: true,
    extensions: markdown,
    schema: systemDescriptionSchema,
    noun: 'system description',
    collection: 'system',
  },
  {
    kind: 'assertion',
    path: 'content/assertion.mdx',
    single: true,
    extensions: markdown,
    schema: assertionSchema,
    noun: "management's assertion",
    collection: 'assertion',
  },
];

export function kindInfo(kind: DocumentKind): DocumentKindInfo {
  return documentKinds.find((info) => info.kind === kind)!;
}

/** The kind a project-relative path belongs to, if any. */
export function kindOfPath(path: string): DocumentKindInfo | undefined {
  return documentKinds.find((info) => {
    if (info.single) return path === info.path;
    const folder = `${info.path}/`;
    return (
      path.startsWith(folder) &&
      !path.slice(folder.length).includes('/') &&
      info.extensions.some((extension) => path.endsWith(extension))
    );
  });
}

/**
 * The registry of document kinds: for each kind, where its files live, which schema they follow, where the model
 * keeps them, and what else is decided about the kind (the fields naming other documents, the template `new`
 * writes, revision history, the content collection rendering its bodies). `DocumentKind` is the registry's keys,
 * and the model's slots are derived from it (`model.ts`), so a row here is what makes a kind exist.
 *
 * A kind is not finished with its row: the leak scan's `textFields` and its audience decision
 * (src/integration/leak-scan.ts) are records over every kind, and the per-kind test
 * (test/engine/document-kinds.test.ts) needs a valid file of it, so a row alone fails the type check until both
 * are decided.
 *
 * The YAML records (samples, request lists, acknowledgements) are a second, smaller registry below: files of
 * fields only, kept whole in the model, never rendered as documents.
 */
import type { z } from 'astro/zod';
import {
  acknowledgementsSchema,
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
  requestsSchema,
  riskSchema,
  samplesSchema,
  soaSchema,
  systemDescriptionSchema,
  trustDocumentSchema,
  trustPageSchema,
  vendorSchema,
} from '../schema/index.ts';

/** What the registry knows of one kind; `Kind` is every kind's name, `Schema` this kind's schema. */
export interface KindInfo<Kind extends string = string, Schema extends z.ZodType = z.ZodType> {
  /**
   * The model's property holding this kind's documents (`model.policies`): a list, or for a single document the
   * document or nothing.
   */
  model: string;
  /** Folder (or, for a single document, file) relative to the project root. */
  path: string;
  /** Whether `path` is one file rather than a folder of documents. */
  single?: boolean;
  /** File endings read as documents. `.yaml`/`.yml` files hold only fields, no body. */
  extensions: readonly string[];
  schema: Schema;
  /** What a person calls this kind in a message. */
  noun: string;
  /** The content collection whose entries render this kind's bodies on the sites, if the sites show them. */
  collection?: string;
  /** Whether the sites show each document's revision history from git. */
  history?: boolean;
  /** The template (under templates/) `trustbook new <kind>` writes, if it creates documents of this kind. */
  template?: string;
  /** The fields naming documents by id, each with the kind it names: the identity rule checks that they exist. */
  references?: { readonly [Field in keyof z.output<Schema>]?: Kind };
}

/**
 * Checks every row against `KindInfo` with the registry's own keys as the kinds a reference may name. (A
 * `satisfies` clause cannot do this: the kinds would be derived from the very object being checked.)
 */
function defineKinds<const Rows extends { [K in keyof Rows]: KindInfo<keyof Rows & string, SchemaOf<Rows[K]>> }>(
  rows: Rows,
): Rows {
  return rows;
}

type SchemaOf<Row> = Row extends { schema: infer Schema extends z.ZodType } ? Schema : never;

const markdown = ['.mdx', '.md'] as const;
const yaml = ['.yaml', '.yml'] as const;

/** Every document kind, in the order the model lists documents (`allDocuments`). */
export const documentKinds = defineKinds({
  policy: {
    model: 'policies',
    path: 'policies',
    extensions: markdown,
    schema: policySchema,
    noun: 'policy',
    collection: 'policies',
    history: true,
    template: 'new/policy.mdx',
  },
  control: {
    model: 'controls',
    path: 'content/controls',
    extensions: markdown,
    schema: controlSchema,
    noun: 'control',
    collection: 'controls',
    history: true,
    template: 'new/control.mdx',
    references: { policies: 'policy', procedures: 'procedure' },
  },
  procedure: {
    model: 'procedures',
    path: 'content/procedures',
    extensions: markdown,
    schema: procedureSchema,
    noun: 'procedure',
    collection: 'procedures',
    history: true,
    template: 'new/procedure.mdx',
    references: { policies: 'policy' },
  },
  evidence: {
    model: 'evidence',
    path: 'evidence-index',
    extensions: markdown,
    schema: evidenceSchema,
    noun: 'evidence series',
    collection: 'evidence',
    template: 'new/evidence.mdx',
    references: { controls: 'control' },
  },
  vendor: {
    model: 'vendors',
    path: 'content/vendors',
    extensions: [...markdown, ...yaml],
    schema: vendorSchema,
    noun: 'vendor',
    template: 'new/vendor.yaml',
  },
  risk: {
    model: 'risks',
    path: 'content/risks',
    extensions: markdown,
    schema: riskSchema,
    noun: 'risk',
    collection: 'risks',
    template: 'new/risk.mdx',
    references: { controls: 'control' },
  },
  checklist: {
    model: 'checklists',
    path: 'content/checklists',
    extensions: markdown,
    schema: checklistSchema,
    noun: 'checklist',
    collection: 'checklists',
  },
  'trust-page': {
    model: 'trustPages',
    path: 'content/trust',
    extensions: markdown,
    schema: trustPageSchema,
    noun: 'trust page',
    collection: 'trust',
  },
  /** The trust center's documents. */
  'trust-document': {
    model: 'trustDocuments',
    path: 'content/trust/documents',
    extensions: yaml,
    schema: trustDocumentSchema,
    noun: 'trust document',
  },
  /** Attestations by audit firms. */
  attestation: {
    model: 'attestations',
    path: 'content/trust/attestations',
    extensions: yaml,
    schema: attestationSchema,
    noun: 'attestation',
  },
  /** The answer library. */
  answer: {
    model: 'answers',
    path: 'content/answers',
    extensions: yaml,
    schema: answerSchema,
    noun: 'answer',
  },
  /** The NDA texts, each one version (`model.ndaVersions` finds one by the SHA-256 of its file). */
  nda: {
    model: 'ndas',
    path: 'content/trust/nda',
    extensions: ['.md'],
    schema: ndaSchema,
    noun: 'NDA text',
  },
  /** Who may read which documents under NDA. */
  grant: {
    model: 'grants',
    path: 'content/trust/grants',
    extensions: yaml,
    schema: grantSchema,
    noun: 'grant',
  },
  'system-description': {
    model: 'systemDescription',
    path: 'content/system-description.mdx',
    single: true,
    extensions: markdown,
    schema: systemDescriptionSchema,
    noun: 'system description',
    collection: 'system',
  },
  assertion: {
    model: 'assertion',
    path: 'content/assertion.mdx',
    single: true,
    extensions: markdown,
    schema: assertionSchema,
    noun: "management's assertion",
    collection: 'assertion',
  },
  /** The ISO/IEC 27001 Statement of Applicability: a decision for every Annex A control. */
  soa: {
    model: 'soa',
    path: 'content/statement-of-applicability.yaml',
    single: true,
    extensions: yaml,
    schema: soaSchema,
    noun: 'Statement of Applicability',
  },
});

export type DocumentKind = keyof typeof documentKinds;

/** A kind's validated fields: what its schema outputs. */
export type DataOf<K extends DocumentKind> = z.output<(typeof documentKinds)[K]['schema']>;

/** The kinds that are one file at most (the system description, the assertion). */
export type SingleKind = {
  [K in DocumentKind]: (typeof documentKinds)[K] extends { single: true } ? K : never;
}[DocumentKind];

/** The kinds some field of another kind names by id (`references`). */
export type ReferencedKind = {
  [K in DocumentKind]: (typeof documentKinds)[K] extends { references: infer Fields } ? Fields[keyof Fields] : never;
}[DocumentKind];

/** The kinds `trustbook new` creates: those with a template. */
export type TemplateKind = {
  [K in DocumentKind]: (typeof documentKinds)[K] extends { template: string } ? K : never;
}[DocumentKind];

/** A registry row with its kind, for code that goes through every kind alike. */
export interface DocumentKindInfo extends Omit<KindInfo, 'references'> {
  kind: DocumentKind;
  references?: { readonly [field: string]: DocumentKind | undefined };
}

/** Every kind's row with its kind, in registry order. */
export const documentKindList: readonly DocumentKindInfo[] = Object.entries(documentKinds).map(([kind, info]) => ({
  kind: kind as DocumentKind,
  ...(info as Omit<DocumentKindInfo, 'kind'>),
}));

const byKind = new Map(documentKindList.map((info) => [info.kind, info]));

export function kindInfo(kind: DocumentKind): DocumentKindInfo {
  return byKind.get(kind)!;
}

/** The folder a kind's documents live in, with a trailing slash (`policies/`), as messages name it. */
export function folderOf(kind: DocumentKind): string {
  return `${documentKinds[kind].path}/`;
}

/** The kind a project-relative path belongs to, if any. */
export function kindOfPath(path: string): DocumentKindInfo | undefined {
  return documentKindList.find((info) => {
    if (info.single) return path === info.path;
    return inFolder(path, info.path) && info.extensions.some((extension) => path.endsWith(extension));
  });
}

/** Whether `path` is a file directly in `folder` (not in a sub-folder of it). */
function inFolder(path: string, folder: string): boolean {
  return path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes('/');
}

/** What the registry knows of one kind of YAML record: a folder of `.yaml` files, each validated whole. */
export interface RecordKindInfo {
  /** The model's property holding the records, a list. */
  model: string;
  /** Folder relative to the project root; its `.yaml`/`.yml` files directly in it are read. */
  path: string;
  schema: z.ZodType;
  /** What a person calls one file of this kind in a message. */
  noun: string;
}

/** Every kind of YAML record. */
export const recordKinds = {
  /** The samples drawn for audit windows, one file per window (`trustbook sample`). */
  samples: { model: 'samples', path: 'evidence-index/samples', schema: samplesSchema, noun: 'sample record' },
  /** The audit firm's request lists, each in the firm's order (`trustbook requests import`). */
  requests: { model: 'requests', path: 'content/requests', schema: requestsSchema, noun: 'request list' },
  /** Policy acknowledgements, one file per import or period. */
  acknowledgements: {
    model: 'acknowledgements',
    path: 'content/acknowledgements',
    schema: acknowledgementsSchema,
    noun: 'acknowledgement record',
  },
} as const satisfies Record<string, RecordKindInfo>;

export type RecordKind = keyof typeof recordKinds;

/** A record kind's validated fields. */
export type RecordDataOf<K extends RecordKind> = z.output<(typeof recordKinds)[K]['schema']>;

/** Every record kind's row with its kind. */
export const recordKindList: readonly (RecordKindInfo & { kind: RecordKind })[] = Object.entries(recordKinds).map(
  ([kind, info]) => ({ kind: kind as RecordKind, ...info }),
);

/** The record kind of a project-relative path: a `.yaml`/`.yml` file directly in a record folder. */
export function recordKindOfPath(path: string): (RecordKindInfo & { kind: RecordKind }) | undefined {
  return recordKindList.find((info) => inFolder(path, info.path) && /\.ya?ml$/.test(path));
}

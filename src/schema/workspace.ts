/**
 * A partner's workspace: `trustbook.workspace.yaml` names one library of reviewed documents and the clients
 * whose programs take it; `library.yaml` in the library says which version it is; `.trustbook-sync/sync.yaml` in
 * each client records what the client last took, and is written by `trustbook sync` alone.
 */
import { z } from 'astro/zod';
import { calendarDate, documentId } from './common.ts';

/** A path inside the workspace: relative, with no way up and out of it. */
const relativePath = z
  .string()
  .min(1)
  .refine((path) => !path.startsWith('/') && !path.split(/[\\/]/).includes('..'), {
    message: 'expected a path inside the workspace, relative to trustbook.workspace.yaml, without `..`',
  });

export const workspaceClientSchema = z.union([
  z.strictObject({
    /** The client's short name, used in commands (`trustbook sync acme`) and reports. */
    name: documentId,
    /** The client's program: a folder of the workspace holding a complete program. */
    path: relativePath,
    /**
     * Library folders laid over the base library, in order (an industry, a region): a document an overlay
     * holds replaces the base's document at the same path, or adds one. Each has its own `library.yaml`.
     */
    overlays: z.array(relativePath).default([]),
  }),
  z.strictObject({
    name: documentId,
    /** A client whose program lives in a repository of its own: listed for the portfolio, never synced here. */
    repository: z.string().min(1),
  }),
]);

/** A git URL or path git can fetch from; never one git would read as an option. */
const gitUrl = z
  .string()
  .min(1)
  .refine((url) => !url.startsWith('-'), { message: 'expected a git URL (https://..., ssh://..., git@host:...)' });

export const gitLibrarySchema = z.strictObject({
  /** The repository that holds the library: any URL `git fetch` takes. */
  git: gitUrl,
  /** The tag, branch or full commit id to take: a tag (`v7`) pins the library until the partner moves it. */
  ref: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'expected a tag, a branch or a commit id'),
  /** The library's folder inside that repository, when it is not the whole repository. */
  path: relativePath.optional(),
});

/** An https address: the partner's link reaches every client's public trust center. */
const httpsUrl = z.string().regex(/^https:\/\/[^\s/?#]+[^\s]*$/, 'expected an https:// address');

/** The partner as a client's sync record keeps it: its trust center says `Managed by NAME`, linked to `url`. */
export const partnerSchema = z.strictObject({
  /** The partner's name. */
  name: z.string().min(1),
  /** The partner's website, https only; the managed-by line links to it. */
  url: httpsUrl.optional(),
});

export const workspaceSchema = z.strictObject({
  /**
   * The partner's name, for reports, the portfolio feed and the "managed by" line of the clients that show it
   * (`brand.managed_by` in their program).
   */
  partner: z.string().min(1).default('Partner'),
  /**
   * The library: a folder relative to this file, or `{ git: URL, ref: TAG }` for a library kept in a
   * repository of its own (fetched into `.trustbook/libraries/`).
   */
  library: z.union([relativePath, gitLibrarySchema]),
  /** The partner's website (https only): the "managed by" line of clients that show it links there. */
  partner_url: httpsUrl.optional(),
  /** The clients, each a complete program. */
  clients: z.array(workspaceClientSchema).default([]),
});

/** A variable's name, as library texts write it between double braces: `{{organization}}`. */
export const variableName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'expected a variable name: lower-case letters, digits and _, starting with a letter');

/** What an answer must look like. */
export const questionTypes = ['text', 'url', 'email', 'frequency'] as const;

export const libraryQuestionSchema = z.strictObject({
  /** The variable the answer fills, written `{{id}}` in library texts. */
  id: variableName,
  /** The question `trustbook client add` asks, in a terminal. */
  ask: z.string().min(1),
  /** What an answer must be: `text` (the default), `url`, `email`, or `frequency` (daily ... annual). */
  type: z.enum(questionTypes).default('text'),
  /** The answer when none is given; without one, the question must be answered. */
  default: z.string().min(1).optional(),
});

/** A document's path in a program, as a library holds it: relative, with no way up and out of it. */
const documentPath = z
  .string()
  .min(1)
  .refine((path) => !path.startsWith('/') && !path.split(/[\\/]/).includes('..'), {
    message: "expected a document's path in a program (`policies/access.mdx`), without `..`",
  });

export const libraryMigrationSchema = z.strictObject({
  /** The library version that makes the change: a client moving from below it to it or above goes through it once. */
  version: z.union([z.string().min(1), z.number()]).transform(String),
  /** What changed, for the partner: sync shows it with each client it migrates. */
  note: z.string().min(1).optional(),
  /** Documents the library moved: the client's copy, its edits and its sync history move with it. */
  moves: z.array(z.strictObject({ from: documentPath, to: documentPath })).default([]),
  /** Ids the library renamed (a control, a policy...): renamed in every document of the client's program. */
  ids: z.array(z.strictObject({ from: documentId, to: documentId })).default([]),
});

export const librarySchema = z.strictObject({
  /** The library's name, for reports. */
  name: z.string().min(1),
  /** The library's version; raise it with every change clients should take. */
  version: z.union([z.string().min(1), z.number()]).transform(String),
  /**
   * The questions each client answers (organization, system, role titles, tools named in the text...): a body's
   * `<Var name="id" />` shows the answer when the client's sites are built; a `{{id}}` is filled in when sync
   * writes the client's documents.
   */
  questions: z.array(libraryQuestionSchema).default([]),
  /**
   * What a version changes besides texts (a document moved, an id renamed), run on each client before the
   * merge. A split control needs none: it is a changed document and a new one; a `note` tells the partner.
   */
  migrations: z.array(libraryMigrationSchema).default([]),
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest');

const layer = z.strictObject({ name: z.string().min(1), version: z.string().min(1) });

export const syncRecordSchema = z.strictObject({
  /** The library the client last took: the base library and its overlays, in order, each with its version. */
  layers: z.array(layer).min(1),
  /** The day of that sync. */
  synced: calendarDate,
  /**
   * The client's answers to the library's questions, by variable, defaults included: the values its `{{…}}`
   * placeholders were filled with at sync, and the values its `<Var name="…" />` render at build time.
   */
  answers: z.record(variableName, z.string()).optional(),
  /** The partner the workspace names, for the trust center's "managed by" line (`brand.managed_by`). */
  partner: partnerSchema.optional(),
  /**
   * Per library document (by its path in the program): the library version its base text comes from and the
   * hash of that text, which is kept beside the record so a later sync needs no history.
   */
  documents: z
    .record(
      z.string(),
      z.strictObject({
        /** The layer the text came from, and that layer's version. */
        layer: z.string().min(1),
        version: z.string().min(1),
        sha256,
        /**
         * Library changes under the client's overrides, open until the override is approved again on or after
         * `since` (the day sync found the change).
         */
        reviews: z
          .array(z.strictObject({ kind: z.enum(['field', 'section']), name: z.string().min(1), since: calendarDate }))
          .optional(),
      }),
    )
    .default({}),
});

export type WorkspaceData = z.output<typeof workspaceSchema>;
export type GitLibrary = z.output<typeof gitLibrarySchema>;
export type WorkspaceClient = z.output<typeof workspaceClientSchema>;
export type LibraryData = z.output<typeof librarySchema>;
export type LibraryQuestion = z.output<typeof libraryQuestionSchema>;
export type LibraryMigration = z.output<typeof libraryMigrationSchema>;
export type SyncRecord = z.output<typeof syncRecordSchema>;

/** `content/program.yaml`: the organization, the audit scope and period, and how the check evaluates dates. */
import { z } from 'astro/zod';
import { calendarDate, criterionRef, documentId, httpsUrl, httpUrl } from './common.ts';
import { frameworksSchema } from './frameworks.ts';

export const scopeCategories = [
  'security',
  'availability',
  'confidentiality',
  'processing-integrity',
  'privacy',
] as const;

export const programSchema = z.strictObject({
  /** Legal name of the organization being audited. */
  organization: z.string().min(1),
  /** The system the SOC 2 report describes. */
  system: z.string().min(1),
  /** The organization's public website. */
  website: httpUrl,
  /** Where the public trust center is published; used for absolute links (sitemap, feed, security.txt). */
  trust_center_url: httpUrl.optional(),
  /** Where security questions and report requests go. */
  contact: z.email(),
  /** Trust Services Categories in scope. `security` is mandatory. */
  scope: z
    .array(z.enum(scopeCategories))
    .min(1)
    .refine((scope) => scope.includes('security'), 'security is always in scope: add it to `scope`'),
  /** Criteria of an in-scope category that do not apply to the system (DC8), each with the reason. */
  excluded_criteria: z
    .array(
      z.strictObject({
        /** The criterion id, e.g. `P3.2`. */
        id: criterionRef,
        /** Why the criterion does not apply to this system: a sentence an auditor can weigh, not "n/a". */
        reason: z.string().trim().min(1),
      }),
    )
    .default([]),
  /**
   * Frameworks besides SOC 2 the program is judged against (`iso27001`, `hipaa`, `csf`), each with its scope
   * parameters; controls cite their requirements under `iso:`, `hipaa:` and `csf:` (docs/frameworks.md).
   */
  frameworks: frameworksSchema.optional(),
  /** The audit: report type, period or date, and the audit firm. */
  audit: z
    .strictObject({
      /** `I` (design at a point in time) or `II` (operating effectiveness over a period). */
      type: z.enum(['I', 'II']),
      /** The Type II window. */
      period: z.strictObject({ start: calendarDate, end: calendarDate }).optional(),
      /** The Type I report date. */
      date: calendarDate.optional(),
      /** The audit firm. */
      auditor: z.string().optional(),
    })
    .refine((audit) => audit.type !== 'II' || audit.period, {
      message: 'a Type II audit needs `period: { start, end }`',
    })
    .refine((audit) => audit.type !== 'I' || audit.date, { message: 'a Type I audit needs `date:`' })
    .refine((audit) => !audit.period || audit.period.start < audit.period.end, {
      message: 'the audit period must start before it ends',
    }),
  /**
   * Complementary user entity controls (DC6): controls the company's customers must operate for the
   * criteria to be met, as the SOC 2 report will state them.
   */
  cuecs: z
    .array(
      z.strictObject({
        /** A short id, e.g. `CUEC-1`. */
        id: documentId,
        /** What the customer must do. */
        control: z.string().trim().min(1),
        /** The criteria that depend on it. */
        criteria: z.array(criterionRef).min(1),
      }),
    )
    .default([]),
  /**
   * The audit firm's sample sizes, where they differ from the usual table (docs/sampling.md): how many
   * occurrences to test per frequency, and for per-event controls a share of the population within bounds.
   * Each may raise the table, never go below its floor (TB907).
   */
  sampling: z
    .strictObject({
      annual: z.number().int().min(1).optional(),
      semiannual: z.number().int().min(1).optional(),
      quarterly: z.number().int().min(1).optional(),
      monthly: z.number().int().min(1).optional(),
      weekly: z.number().int().min(1).optional(),
      daily: z.number().int().min(1).optional(),
      /** Per-event controls: `percent` of the population, at least `min` and at most `max` items. */
      per_event: z
        .strictObject({
          percent: z.number().min(0).max(100),
          min: z.number().int().min(1),
          max: z.number().int().min(1),
        })
        .optional(),
    })
    .optional(),
  /** Pins the evaluation date (for demo content). Otherwise the check uses today in UTC. */
  as_of: calendarDate.optional(),
  /** Days after a leaver's last day by which all their access must be removed (the offboarding policy's deadline). */
  access_removal_days: z.number().int().min(0).max(90).default(1),
  /**
   * Days a person has to acknowledge a policy that applies to them, from hire or from a new major version
   * taking effect (default 30). Setting it, `acknowledge_url` or any acknowledgement record turns the check on.
   */
  acknowledge_within_days: z.number().int().min(1).max(365).optional(),
  /** The form or e-signature page where staff acknowledge a policy; the employee portal links to it. */
  acknowledge_url: httpUrl.optional(),
  /**
   * Where the trust center's request-access form posts (a form service, a ticketing webhook). Without it, the
   * page offers a prefilled e-mail to `contact` instead. https:// only: it receives what requesters type.
   */
  request_access_url: httpsUrl.optional(),
  /**
   * Publish, on the trust center, the share of controls in each area that the build finds operating with
   * current evidence as of its date (opt-in; never typed by hand).
   */
  trust_center_status: z.boolean().default(false),
  /** How the three sites look: the organization's logo, favicon and accent colour (each optional). */
  brand: z
    .strictObject({
      /**
       * The logo in every site's header and the trust center's hero: a `.svg`, `.png` or `.webp` file, by its path
       * in `public/` (`logo.svg` for public/logo.svg).
       */
      logo: z.string().min(1).optional(),
      /** Each page's icon: a `.svg`, `.png` or `.ico` file, by its path in `public/` (default: Trustbook's). */
      favicon: z.string().min(1).optional(),
      /**
       * The colour of links, buttons and focus rings: `"#rrggbb"`, quoted (unquoted, YAML reads `#` as the start of
       * a comment, which leaves the field empty; the check says so), dark enough for 4.5:1 against white.
       */
      accent: z.string().nullable().optional(),
      /**
       * A workspace client: `true` shows the partner who runs the program ("Managed by Northwind Partners", linked
       * to the partner's site) in the trust center's footer. The partner is the one the workspace file names,
       * taken into the client's sync record by `trustbook sync`. Default: false.
       */
      managed_by: z.boolean().optional(),
    })
    .optional(),
  /** Items that expire within this many days are reported as warnings. */
  warn_within_days: z.number().int().min(0).max(365).default(30),
  /** Readiness mode: missing evidence is a warning, not an error, until the audit window opens. */
  readiness: z.boolean().default(false),
  /**
   * Content-only mode: MDX bodies may hold text, HTML and the `<Check>`/`<Todo>` components, never code
   * (`import`, `export`, `{ }` expressions), so no body runs in the build. Absent means false, as for programs
   * made before the field existed; `trustbook init` writes `true`.
   */
  content_only: z.boolean().default(false),
});

export type Program = z.output<typeof programSchema>;

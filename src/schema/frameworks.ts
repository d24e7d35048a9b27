/**
 * `frameworks:` in `content/program.yaml`: the frameworks besides SOC 2 the program is judged against, each with
 * the parameters that set its scope. SOC 2 is always in scope and keeps its own fields (`scope`, `audit`,
 * `excluded_criteria`). The check turns every in-scope requirement into something a control must cite
 * (docs/frameworks.md).
 */
import { z } from 'astro/zod';
import { calendarDate, personRef } from './common.ts';

/** The CSF 2.0 functions, by the prefix their subcategory ids carry. */
export const csfFunctionIds = ['GV', 'ID', 'PR', 'DE', 'RS', 'RC'] as const;

/** What was decided for one addressable HIPAA implementation specification (45 CFR 164.306(d)(3)). */
export const hipaaDecisionSchema = z.strictObject({
  /**
   * `implemented`: the specification as written; `alternative`: an equivalent measure instead, described in
   * `alternative`; `not-reasonable`: neither the specification nor an alternative is reasonable and appropriate
   * for this organization, for the reason in `rationale`. The first two need a control citing the specification.
   */
  decision: z.enum(['implemented', 'alternative', 'not-reasonable']),
  /** With `alternative`: the equivalent measure adopted instead of the specification. */
  alternative: z.string().trim().min(1).optional(),
  /** With `alternative` and `not-reasonable`: why the specification itself is not reasonable and appropriate. */
  rationale: z.string().trim().min(1).optional(),
  /** Role or staff id of who approved the decision. */
  approved_by: personRef,
  /** When the decision was approved. */
  approved: calendarDate,
});

export type HipaaDecision = z.output<typeof hipaaDecisionSchema>;

export const frameworksSchema = z.strictObject({
  /** ISO/IEC 27001:2022: clauses 4 to 10 need controls; Annex A is decided in the Statement of Applicability. */
  iso27001: z
    .strictObject({
      /** The scope of the information security management system (clause 4.3), as the certificate will state it. */
      isms_scope: z.string().trim().min(1),
    })
    .optional(),
  /** The HIPAA Security Rule (45 CFR 164.308–164.316). */
  hipaa: z
    .strictObject({
      /** `business-associate` (handles ePHI for covered entities) or `covered-entity`. */
      role: z.enum(['covered-entity', 'business-associate']),
      /**
       * True when the organization sponsors a group health plan: only then do the plan-document requirements of
       * 164.314(b) apply. Default false.
       */
      group_health_plan: z.boolean().default(false),
      /**
       * True for a health care clearinghouse that is part of a larger organization: only then does 164.308(a)(4)(ii)(A)
       * (walling the clearinghouse off) apply. Default false.
       */
      clearinghouse: z.boolean().default(false),
      /**
       * True when the organization and the other party to its business associate arrangements are both government
       * entities: only then does 164.314(a)(2)(ii) (other arrangements) apply. Default false.
       */
      government_entity: z.boolean().default(false),
      /**
       * How many years the program keeps its documentation (policies, procedures, decisions, evidence) after it
       * was last in effect, as its retention policy and its evidence store are set. 164.316(b)(2)(i) asks for six.
       */
      retention_years: z.number().int().min(0).max(100),
      /**
       * The decision for each addressable implementation specification, keyed by its citation
       * (`164.312(a)(2)(iv)`). Every addressable specification in scope needs one.
       */
      decisions: z.record(z.string(), hipaaDecisionSchema).default({}),
    })
    .optional(),
  /** NIST CSF 2.0. */
  csf: z
    .strictObject({
      /** The functions in scope, by id (`GV`, `ID`, `PR`, `DE`, `RS`, `RC`); all six when absent. */
      functions: z.array(z.enum(csfFunctionIds)).min(1).optional(),
    })
    .optional(),
});

export type FrameworksData = z.output<typeof frameworksSchema>;

/**
 * Expiry: policies past review, stale evidence, vendors and risks not reviewed, treatments past due.
 * Dates are evaluated here on every run, never in a schema, because cached documents skip validation.
 */
import type { Frequency } from '../../schema/index.ts';
import { addDays, addMonths } from '../dates.ts';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.ts';
import { lineOf, type Document } from '../model.ts';
import { dueState, plural, type Rule, type RuleContext } from './context.ts';

/** How old the newest artifact of a series may be, in days, before the evidence is stale. */
export const maxEvidenceAgeDays: Record<Frequency, number | undefined> = {
  daily: 2,
  weekly: 10,
  monthly: 41,
  continuous: 41,
  quarterly: 122,
  semiannual: 213,
  annual: 395,
  'per-event': undefined,
};

/** Frequencies whose staleness is worth a warning ahead of time; shorter ones would warn all the time. */
const warnAheadFrequencies = new Set<Frequency>(['quarterly', 'semiannual', 'annual']);

interface DueItem {
  code: DiagnosticCode;
  document: { file: string; keyLines: Map<string, number> };
  path: PropertyKey[];
  due: string;
  what: string;
  hint: string;
  warnAhead?: boolean;
  severityWhenOverdue?: 'error' | 'warning';
}

/** A finding for something due on a date: an error once past it, a warning when it is close. */
export function dueFinding(item: DueItem, context: RuleContext): Diagnostic[] {
  const state = dueState(item.due, context);
  const base = {
    code: item.code,
    file: item.document.file,
    line: lineOf(item.document, ...item.path),
    hint: item.hint,
  };
  if (state.state === 'overdue') {
    return [
      {
        ...base,
        severity: item.severityWhenOverdue ?? 'error',
        message: `${item.what} was due ${item.due}, ${plural(state.days, 'day')} ago`,
      },
    ];
  }
  if (state.state === 'soon' && item.warnAhead !== false) {
    return [
      {
        ...base,
        severity: 'warning',
        message: `${item.what} is due ${item.due}, in ${plural(state.days, 'day')}`,
      },
    ];
  }
  return [];
}

export function policyReviewDue(policy: Document<{ approved: string; review_months: number }>): string {
  return addMonths(policy.data.approved, policy.data.review_months);
}

export const expiryRule: Rule = (model, context) => {
  const diagnostics: Diagnostic[] = [];

  for (const policy of model.policies) {
    diagnostics.push(
      ...dueFinding(
        {
          code: 'TB501',
          document: policy,
          path: ['approved'],
          due: policyReviewDue(policy),
          what: `the review of "${policy.data.title}"`,
          hint: `Review the policy, then set \`approved:\` to the approval date (and bump \`version\` if it changed).`,
        },
        context,
      ),
    );
  }

  for (const series of model.evidence) {
    const maxAge = maxEvidenceAgeDays[series.data.frequency];
    if (maxAge === undefined || series.data.artifacts.length === 0) continue;
    const newest = series.data.artifacts.reduce((latest, artifact) =>
      artifact.collected > latest.collected ? artifact : latest,
    );
    diagnostics.push(
      ...dueFinding(
        {
          code: 'TB502',
          document: series,
          path: ['artifacts', series.data.artifacts.indexOf(newest), 'collected'],
          due: addDays(newest.collected, maxAge),
          what: `the next ${series.data.frequency} artifact of ${series.id} (last collected ${newest.collected})`,
          hint: `Collect current evidence and add it under \`artifacts:\`. A ${series.data.frequency} series is stale ${maxAge} days after its newest artifact.`,
          warnAhead: warnAheadFrequencies.has(series.data.frequency),
          severityWhenOverdue: context.readiness ? 'warning' : 'error',
        },
        context,
      ),
    );
  }

  for (const vendor of model.vendors) {
    diagnostics.push(
      ...dueFinding(
        {
          code: 'TB503',
          document: vendor,
          path: ['reviewed'],
          due: addMonths(vendor.data.reviewed, vendor.data.review_months),
          what: `the review of vendor ${vendor.data.name}`,
          hint: 'Review the vendor (assurance report, contract, access), then set `reviewed:` to the review date.',
        },
        context,
      ),
    );
    const assurance = vendor.data.assurance;
    if (assurance?.period_end) {
      diagnostics.push(
        ...dueFinding(
          {
            code: 'TB504',
            document: vendor,
            path: ['assurance', 'period_end'],
            due: addMonths(assurance.period_end, 12),
            what: `a newer ${assurance.type} report from ${vendor.data.name}`,
            hint: "Obtain the vendor's current report (or a bridge letter) and update `assurance.period_end`.",
          },
          context,
        ),
      );
    }
    if (assurance?.expires) {
      diagnostics.push(
        ...dueFinding(
          {
            code: 'TB504',
            document: vendor,
            path: ['assurance', 'expires'],
            due: assurance.expires,
            what: `the renewal of ${vendor.data.name}'s ${assurance.type} certificate`,
            hint: "Obtain the vendor's renewed certificate and update `assurance.expires`.",
          },
          context,
        ),
      );
    }
  }

  for (const risk of model.risks) {
    diagnostics.push(
      ...dueFinding(
        {
          code: 'TB505',
          document: risk,
          path: ['reviewed'],
          due: addMonths(risk.data.reviewed, 12),
          what: `the yearly review of risk ${risk.id}`,
          hint: 'Review the risk (likelihood, impact, treatment, controls), then set `reviewed:` to the review date.',
        },
        context,
      ),
    );
    if (risk.data.due) {
      diagnostics.push(
        ...dueFinding(
          {
            code: 'TB506',
            document: risk,
            path: ['due'],
            due: risk.data.due,
            what: `the treatment of risk ${risk.id}`,
            hint: 'Finish the treatment and remove `due`, or agree a new date with the risk owner and set it.',
          },
          context,
        ),
      );
    }
  }

  const description = model.systemDescription;
  if (description) {
    diagnostics.push(
      ...dueFinding(
        {
          code: 'TB509',
          document: description,
          path: ['reviewed'],
          due: addMonths(description.data.reviewed, 12),
          what: 'the yearly review of the system description',
          hint: 'Review the description against the system as it is, then set `reviewed:` to the review date.',
        },
        context,
      ),
    );
  }
  return diagnostics;
};

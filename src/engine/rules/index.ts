import { acknowledgementsRule } from './acknowledgements.ts';
import { answersRule } from './answers.ts';
import { auditSetupRule } from './audit-setup.ts';
import { brandRule } from './brand.ts';
import { controlOccurrencesRule } from './control-occurrences.ts';
import { coverageRule } from './coverage.ts';
import { documentReuseRule } from './document-reuse.ts';
import { expiryRule } from './expiry.ts';
import { frequencyRule } from './frequency.ts';
import { grantsRule } from './grants.ts';
import { identityRule } from './identity.ts';
import { integrityRule } from './integrity.ts';
import { missingEvidenceRule } from './missing-evidence.ts';
import { operatingSpanRule } from './operating-span.ts';
import { peopleRule } from './people.ts';
import { placeholdersRule } from './placeholders.ts';
import { plausibleDatesRule } from './plausible-dates.ts';
import { populationRecordsRule } from './population-records.ts';
import { populationRule } from './populations.ts';
import { requiredDocumentsRule } from './required-documents.ts';
import { requestsRule } from './requests.ts';
import { sampleRecordsRule } from './sample-records.ts';
import { samplingTableRule } from './sampling-table.ts';
import { samplesRule } from './samples.ts';
import { trustRule } from './trust.ts';
import { type2Rule } from './type2.ts';
import { vendorRule } from './vendors.ts';
import type { Rule } from './context.ts';

export type { Rule, RuleContext } from './context.ts';

/** Every rule, in the order DESIGN.md lists them. */
export const rules: readonly Rule[] = [
  identityRule,
  auditSetupRule,
  coverageRule,
  requiredDocumentsRule,
  placeholdersRule,
  missingEvidenceRule,
  populationRule,
  populationRecordsRule,
  frequencyRule,
  expiryRule,
  vendorRule,
  trustRule,
  brandRule,
  grantsRule,
  answersRule,
  peopleRule,
  acknowledgementsRule,
  type2Rule,
  controlOccurrencesRule,
  operatingSpanRule,
  documentReuseRule,
  integrityRule,
  plausibleDatesRule,
  samplesRule,
  sampleRecordsRule,
  samplingTableRule,
  requestsRule,
];

import { acknowledgementsRule } from './acknowledgements.ts';
import { answersRule } from './answers.ts';
import { auditSetupRule } from './audit-setup.ts';
import { brandRule } from './brand.ts';
import { bodyNamesRule } from './body-names.ts';
import { variablesRule } from './variables.ts';
import { categoriesRule } from './categories.ts';
import { contentOnlyRule } from './content-only.ts';
import { controlOccurrencesRule } from './control-occurrences.ts';
import { controlTestsRule } from './control-tests.ts';
import { coverageRule } from './coverage.ts';
import { documentReuseRule } from './document-reuse.ts';
import { documentsInForceRule } from './documents-in-force.ts';
import { employmentRule } from './employment.ts';
import { expiryRule } from './expiry.ts';
import { frameworksRule } from './frameworks.ts';
import { hipaaRule } from './frameworks-hipaa.ts';
import { frequencyRule } from './frequency.ts';
import { grantsRule } from './grants.ts';
import { heldBackSectionsRule } from './held-back-sections.ts';
import { identityRule } from './identity.ts';
import { integrityRule } from './integrity.ts';
import { linkProtocolsRule } from './link-protocols.ts';
import { conflictMarkersRule } from './conflict-markers.ts';
import { locationsRule } from './locations.ts';
import { missingEvidenceRule } from './missing-evidence.ts';
import { operatingEffectivenessRule } from './operating-effectiveness.ts';
import { operatingSpanRule } from './operating-span.ts';
import { peopleRule } from './people.ts';
import { placeholdersRule } from './placeholders.ts';
import { plausibleDatesRule } from './plausible-dates.ts';
import { policyApprovalRule } from './policy-approval.ts';
import { populationRecordsRule } from './population-records.ts';
import { populationRule } from './populations.ts';
import { requiredDocumentsRule } from './required-documents.ts';
import { requestsRule } from './requests.ts';
import { sampleRecordsRule } from './sample-records.ts';
import { samplingTableRule } from './sampling-table.ts';
import { samplesRule } from './samples.ts';
import { soaRule } from './soa.ts';
import { trainingAcrossWindowRule } from './training-across-window.ts';
import { subserviceRule } from './subservice.ts';
import { trustRule } from './trust.ts';
import { certificatesRule } from './certificates.ts';
import { type2Rule } from './type2.ts';
import { vendorRule } from './vendors.ts';
import type { Rule } from './context.ts';

export type { Rule, RuleContext } from './context.ts';

/** Every rule, in the order DESIGN.md lists them. */
export const rules: readonly Rule[] = [
  identityRule,
  auditSetupRule,
  coverageRule,
  frameworksRule,
  soaRule,
  hipaaRule,
  requiredDocumentsRule,
  policyApprovalRule,
  documentsInForceRule,
  categoriesRule,
  placeholdersRule,
  heldBackSectionsRule,
  contentOnlyRule,
  bodyNamesRule,
  variablesRule,
  linkProtocolsRule,
  conflictMarkersRule,
  missingEvidenceRule,
  controlTestsRule,
  populationRule,
  populationRecordsRule,
  frequencyRule,
  expiryRule,
  vendorRule,
  subserviceRule,
  trustRule,
  certificatesRule,
  brandRule,
  grantsRule,
  answersRule,
  peopleRule,
  trainingAcrossWindowRule,
  employmentRule,
  acknowledgementsRule,
  type2Rule,
  operatingEffectivenessRule,
  controlOccurrencesRule,
  operatingSpanRule,
  documentReuseRule,
  integrityRule,
  locationsRule,
  plausibleDatesRule,
  samplesRule,
  sampleRecordsRule,
  samplingTableRule,
  requestsRule,
];

import { acknowledgementsRule } from './acknowledgements.ts';
import { answersRule } from './answers.ts';
import { auditSetupRule } from './audit-setup.ts';
import { brandRule } from './brand.ts';
import { contentOnlyRule } from './content-only.ts';
import { coverageRule } from './coverage.ts';
import { expiryRule } from './expiry.ts';
import { frequencyRule } from './frequency.ts';
import { grantsRule } from './grants.ts';
import { identityRule } from './identity.ts';
import { integrityRule } from './integrity.ts';
import { linkProtocolsRule } from './link-protocols.ts';
import { missingEvidenceRule } from './missing-evidence.ts';
import { peopleRule } from './people.ts';
import { placeholdersRule } from './placeholders.ts';
import { plausibleDatesRule } from './plausible-dates.ts';
import { populationRule } from './populations.ts';
import { requiredDocumentsRule } from './required-documents.ts';
import { requestsRule } from './requests.ts';
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
  contentOnlyRule,
  linkProtocolsRule,
  missingEvidenceRule,
  populationRule,
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
  integrityRule,
  plausibleDatesRule,
  samplesRule,
  requestsRule,
];

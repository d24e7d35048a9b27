import { coverageRule } from './coverage.ts';
import { expiryRule } from './expiry.ts';
import { identityRule } from './identity.ts';
import { integrityRule } from './integrity.ts';
import { missingEvidenceRule } from './missing-evidence.ts';
import { peopleRule } from './people.ts';
import { requiredDocumentsRule } from './required-documents.ts';
import { type2Rule } from './type2.ts';
import type { Rule } from './context.ts';

export type { Rule, RuleContext } from './context.ts';

/** Every rule, in the order DESIGN.md lists them. */
export const rules: readonly Rule[] = [
  identityRule,
  coverageRule,
  requiredDocumentsRule,
  missingEvidenceRule,
  expiryRule,
  peopleRule,
  type2Rule,
  integrityRule,
];

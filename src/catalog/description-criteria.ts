/**
 * The DC 200 description criteria (2018, with the 2022 revisions) a SOC 2 system description follows. Labels are
 * our own. DC6 is what the customers must do (CUECs), DC7 what a carved-out subservice organization does
 * (CSOCs): test/engine/catalog.test.ts reads the sources and docs for any label that swaps them.
 */

export interface DescriptionCriterion {
  /** `DC1` to `DC9`. */
  id: string;
  /** Our own short label. */
  label: string;
}

export const descriptionCriteria: readonly DescriptionCriterion[] = [
  { id: 'DC1', label: 'Types of services provided' },
  { id: 'DC2', label: 'Principal service commitments and system requirements' },
  { id: 'DC3', label: 'Components of the system' },
  { id: 'DC4', label: 'Significant system incidents' },
  { id: 'DC5', label: 'Applicable criteria and related controls' },
  { id: 'DC6', label: 'Complementary user entity controls' },
  { id: 'DC7', label: 'Complementary subservice organization controls' },
  { id: 'DC8', label: 'Criteria not relevant to the system' },
  { id: 'DC9', label: 'Significant changes during the period' },
];

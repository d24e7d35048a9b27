/**
 * Sections of the trust center that would state something false while the register they list is empty. An
 * empty subprocessor list reads as "no company processes customer data on our behalf", which a program that
 * has not yet recorded its vendors cannot claim; an empty practices page says nothing at all. Such a section is
 * held back (its page, feed and menu entry, its lines on the home page and in trust.json) until the register
 * holds something, and the check says so (TB560). The view and the rule both read this, so they cannot differ.
 */
import type { ProgramModel } from './model.ts';
import { withheldFromTrustCenter } from './placeholders.ts';

export type TrustCenterSection = 'subprocessors' | 'practices';

/** A held-back section, and where its entries are recorded. */
export interface HeldBackSection {
  section: TrustCenterSection;
  /** The file or folder to fill, as the finding names it. */
  file: string;
}

/** The sections the trust center holds back on this program, in menu order. */
export function heldBackSections(model: ProgramModel): HeldBackSection[] {
  const held: HeldBackSection[] = [];
  // A program that has recorded vendors, none of them public, states what its register says: that is not
  // an empty register, and the list stays (its vendor rules judge whether the register is complete).
  const withheld = withheldFromTrustCenter(model);
  const published = model.controls.filter(
    (control) =>
      !withheld.has(control) && control.data.status === 'implemented' && control.data.public_summary !== undefined,
  );
  if (published.length === 0) held.push({ section: 'practices', file: 'content/controls/' });
  if (model.vendors.length === 0) held.push({ section: 'subprocessors', file: 'content/vendors/' });
  return held;
}

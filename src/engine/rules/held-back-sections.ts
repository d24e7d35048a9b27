/**
 * Sections the trust center holds back because the register they list is empty (TB560): while the program is
 * being set up, the check says why a page is missing and which file fills it, instead of the trust center
 * stating "none". Outside readiness mode the section stays held back without a word: by then the program's
 * own rules (vendor management, the controls' evidence) are what judge whether its registers are complete,
 * and a program that truly publishes no practices has nothing to be told.
 */
import { finding } from '../findings/finding.ts';
import { heldBackSections } from '../trust-center-sections.ts';
import type { Rule } from './context.ts';

export const heldBackSectionsRule: Rule = (model, context) =>
  context.readiness
    ? heldBackSections(model).map(({ section, file }) =>
        finding('TB560', { file, subject: { kind: 'program', id: section } }, section),
      )
    : [];

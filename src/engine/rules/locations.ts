/**
 * Evidence locations (TB704): an artifact, a population export or a vendor's bridge letter kept at an address
 * that is a placeholder (see evidence-locations.ts) is evidence nobody can open. An error, which readiness
 * mode defers like any missing evidence.
 */
import type { Diagnostic, Subject } from '../diagnostics.ts';
import { placeholderLocation } from '../evidence-locations.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type Document } from '../model.ts';
import { evidenceSeverity, type Rule } from './context.ts';

export const locationsRule: Rule = (model, context) => {
  const found: Diagnostic[] = [];
  const check = (
    location: string | undefined,
    document: Document<unknown>,
    path: PropertyKey[],
    subject: Subject,
    what: string,
  ) => {
    if (location === undefined) return;
    const reason = placeholderLocation(location);
    if (reason === undefined) return;
    const where = { ...evidenceSeverity(context), file: document.file, line: lineOf(document, ...path), subject };
    found.push(finding('TB704', where, what, location, reason));
  };
  for (const series of model.evidence) {
    series.data.artifacts.forEach((artifact, index) =>
      check(
        artifact.location,
        series,
        ['artifacts', index, 'location'],
        { kind: 'evidence', id: series.id, artifact: index },
        'artifact',
      ),
    );
    series.data.population.forEach((population, index) =>
      check(
        population.location,
        series,
        ['population', index, 'location'],
        { kind: 'evidence', id: series.id },
        'population export',
      ),
    );
  }
  for (const vendor of model.vendors) {
    check(
      vendor.data.assurance?.bridge_letter?.location,
      vendor,
      ['assurance', 'bridge_letter', 'location'],
      { kind: 'vendor', id: vendor.id },
      'bridge letter',
    );
  }
  return found;
};

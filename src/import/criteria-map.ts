/**
 * Criterion ids as other tools write them, matched against our catalog of the 2017 Trust Services Criteria.
 * An id the catalog does not hold is never written as a citation: the check would reject it (TB202), and a
 * near id may cite something the document does not do. It goes to a person, with the ids it may have meant.
 */
import { criteria, findCriterion } from '../catalog/index.ts';
import { closest } from '../engine/validate.ts';

/** `cc 6.1`, `TSC-CC6.01`, `cc6.1` all mean `CC6.1`. */
export function normaliseCriterionId(written: string): string {
  return written
    .trim()
    .toUpperCase()
    .replace(/^(?:TSC|SOC\s*2)[\s:_-]*/, '')
    .replace(/\s+/g, '')
    .replace(/(\d+)\.0+(\d)/, '$1.$2');
}

export interface UnknownCriterion {
  written: string;
  /** Catalog ids it may have meant: the nearest spelling and the rest of its series. */
  suggestions: string[];
}

export interface MappedCriteria {
  known: string[];
  unknown: UnknownCriterion[];
}

const ids = criteria.map((criterion) => criterion.id);

export function mapCriteria(written: readonly string[]): MappedCriteria {
  const known: string[] = [];
  const unknown: UnknownCriterion[] = [];
  for (const raw of written) {
    const id = normaliseCriterionId(raw);
    if (findCriterion(id)) {
      if (!known.includes(id)) known.push(id);
      continue;
    }
    const series = id.includes('.') ? id.slice(0, id.indexOf('.')) : id;
    const near = closest(id, ids);
    const inSeries = criteria.filter((criterion) => criterion.series === series).map((criterion) => criterion.id);
    const suggestions = [...new Set([...(near ? [near] : []), ...inSeries])];
    unknown.push({ written: raw, suggestions });
  }
  return { known, unknown };
}

/** Whether the ids of a standard are mostly the 2017 TSC: comply calls it whatever its file says. */
export function looksLikeTsc(name: string, standardIds: readonly string[]): boolean {
  if (/^(?:tsc|soc\s*2|trust\s*services)/i.test(name.trim())) return true;
  if (standardIds.length === 0) return false;
  const found = standardIds.filter((id) => findCriterion(normaliseCriterionId(id))).length;
  return found * 2 >= standardIds.length;
}

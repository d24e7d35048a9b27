/**
 * One document is one occurrence. The same report filed for two months, or for the same control's two
 * series, makes one run of the control look like two; the check counts documents by where they are kept
 * (`location`, `file`) and by what they hold (`sha256`), so a renamed copy counts as the same document.
 * The same document recorded for unrelated controls (a penetration test that evidences a test and a
 * remediation control) can be right, and is a warning to confirm.
 */
import type { EvidenceData } from '../../schema/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { artifactPeriod } from '../evidence-timeline.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type Document } from '../model.ts';
import { periodUnitOf } from '../periods.ts';
import type { Rule } from './context.ts';

interface Use {
  series: Document<EvidenceData>;
  index: number;
  /** The occurrence it is counted for: its claimed period in a periodic series, else undefined. */
  occurrence: string | undefined;
}

export const documentReuseRule: Rule = (model) => {
  const uses: Use[] = [];
  const groupOf = new Map<string, number>(); // document key -> first use holding it
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const series of model.evidence) {
    const unit = periodUnitOf(series.data.frequency);
    series.data.artifacts.forEach((artifact, index) => {
      const position = uses.length;
      uses.push({ series, index, occurrence: unit ? artifactPeriod(artifact, unit)?.label : undefined });
      parent.push(position);
      for (const key of documentKeys(artifact)) {
        const other = groupOf.get(key);
        if (other === undefined) groupOf.set(key, position);
        else parent[find(position)] = find(other);
      }
    });
  }
  const groups = new Map<number, Use[]>();
  uses.forEach((use, position) => {
    const root = find(position);
    const group = groups.get(root);
    if (group) group.push(use);
    else groups.set(root, [use]);
  });
  const diagnostics: Diagnostic[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const finding = judge(group);
    if (finding) diagnostics.push(finding);
  }
  return diagnostics;
};

/** What identifies the document: its normalised location, its path in evidence-index/, its SHA-256. */
function documentKeys(artifact: EvidenceData['artifacts'][number]): string[] {
  const keys: string[] = [];
  if (artifact.location !== undefined) keys.push(`location:${normalised(artifact.location)}`);
  if (artifact.file !== undefined) keys.push(`file:${artifact.file.replace(/^\.\//, '')}`);
  if (artifact.sha256 !== undefined) keys.push(`sha256:${artifact.sha256.toLowerCase()}`);
  return keys;
}

function normalised(location: string): string {
  try {
    return new URL(location.trim()).href;
  } catch {
    return location.trim();
  }
}

function sharesControl(a: EvidenceData, b: EvidenceData): boolean {
  return a.controls.some((id) => b.controls.includes(id));
}

/** Two periodic uses counted as different occurrences: two periods of a series, or series of one control. */
function countedTwice(group: Use[]): [Use, Use] | undefined {
  const firstBySeries = new Map<Document<EvidenceData>, Use>();
  const firstByControl = new Map<string, Use>();
  for (const use of group) {
    if (use.occurrence === undefined) continue;
    const earlier = firstBySeries.get(use.series);
    if (earlier) {
      if (earlier.occurrence !== use.occurrence) return [earlier, use];
      continue;
    }
    firstBySeries.set(use.series, use);
    for (const control of use.series.data.controls) {
      const other = firstByControl.get(control);
      if (other && other.series !== use.series) return [other, use];
      if (!other) firstByControl.set(control, use);
    }
  }
  return undefined;
}

/** Two uses in series that share no control. */
function unrelatedPair(group: Use[]): [Use, Use] | undefined {
  const bySeries = new Map<Document<EvidenceData>, Use>();
  for (const use of group) if (!bySeries.has(use.series)) bySeries.set(use.series, use);
  const firsts = [...bySeries.values()];
  for (let j = 1; j < firsts.length; j++) {
    for (let i = 0; i < j; i++) {
      if (!sharesControl(firsts[i]!.series.data, firsts[j]!.series.data)) return [firsts[i]!, firsts[j]!];
    }
  }
  return undefined;
}

/**
 * An error when the document counts for two periodic occurrences: two periods of one series, or periods
 * of two series of the same control. A warning when it is recorded for series of unrelated controls.
 */
function judge(group: Use[]): Diagnostic | undefined {
  // Linear in the uses: a program may hold thousands of records pointing at one ticket system page.
  const counted = countedTwice(group);
  const unrelated = counted ? undefined : unrelatedPair(group);
  const pair = counted ?? unrelated;
  if (!pair) return undefined;
  const [, later] = pair;
  const artifact = later.series.data.artifacts[later.index]!;
  const document = artifact.location ?? `evidence-index/${artifact.file ?? ''}`;
  const named = [...new Set(group.map((use) => `${use.series.id} ${use.occurrence ?? `artifact ${use.index + 1}`}`))];
  const uses = named.length > 6 ? `${named.slice(0, 6).join(', ')} and ${named.length - 6} more` : named.join(', ');
  const at = {
    file: later.series.file,
    line: lineOf(later.series, 'artifacts', later.index, artifact.location !== undefined ? 'location' : 'file'),
    subject: { kind: 'evidence' as const, id: later.series.id, artifact: later.index },
  };
  if (counted) {
    return finding('TB622', at, document, uses);
  }
  const controls = [...new Set(group.flatMap((use) => use.series.data.controls))].join(', ');
  return finding('TB623', at, document, uses, controls);
}

/**
 * Citations of the frameworks besides SOC 2, and their coverage: every id a control cites under `iso:`, `hipaa:`
 * or `csf:` is a requirement of that framework (TB340) and the framework is in scope (TB341); every in-scope
 * requirement that needs a control has one (TB342), on every day of a Type II window (TB343) and effectively
 * (TB344). A control citing what the program decided does not apply is a warning (TB356). Annex A decisions are
 * soa.ts's, addressable HIPAA decisions frameworks-hipaa.ts's.
 */
import { memoText } from '../memo.ts';
import {
  findFrameworkRequirement,
  findHipaaStandard,
  frameworkNames,
  frameworkRequirementIds,
  isoClausesUnder,
  isWithdrawnCsfId,
} from '../../catalog/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import {
  addedFrameworks,
  citationField,
  citationsOf,
  frameworkCoverage,
  frameworksInScope,
  type AddedFramework,
  type RequirementCoverage,
} from '../framework-coverage.ts';
import { lineOf, PROGRAM_FILE, unvalidatedStrings, type ProgramModel } from '../model.ts';
import { describeSpan, type DateSpan } from '../spans.ts';
import { closest } from '../validate.ts';
import type { Rule } from './context.ts';

export const frameworksRule: Rule = (model, context) => {
  const inScope = new Set(frameworksInScope(model.program?.data));
  const found = [...citationFindings(model, inScope)];
  if (!model.program || model.unparsed.has('control')) return found;
  for (const framework of inScope) {
    const coverage = frameworkCoverage(model, context.asOf, framework);
    // A control that failed its schema still names what it cites; its own finding fails the check already.
    const claimed = new Set(unvalidatedStrings(model, 'control', citationField[framework]));
    const judged = coverage.filter((entry) => entry.need === 'control' || entry.need === 'soa');
    found.push(...uncited(model, framework, judged, claimed), ...uncoveredStretches(model, judged, claimed));
  }
  return found;
};

function citationFindings(model: ProgramModel, inScope: ReadonlySet<AddedFramework>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const control of model.controls) {
    for (const framework of addedFrameworks) {
      const field = citationField[framework];
      const cited = citationsOf(control.data, framework);
      if (cited.length === 0) continue;
      const at = (...path: PropertyKey[]) => ({
        file: control.file,
        line: lineOf(control, field, ...path),
        subject: { kind: 'control' as const, id: control.id },
      });
      if (!inScope.has(framework)) {
        found.push(finding('TB341', at(), control.id, field, frameworkNames[framework], framework));
        continue;
      }
      cited.forEach((id, index) => {
        if (!findFrameworkRequirement(framework, id)) {
          found.push(
            finding(
              'TB340',
              at(index),
              id,
              `a requirement of ${frameworkNames[framework]}`,
              unknownRequirementAdvice(framework, id),
            ),
          );
          return;
        }
        const decided = decidedNotToApply(model, framework, id);
        if (decided) found.push(finding('TB356', at(index), control.id, id, decided));
      });
    }
  }
  return found;
}

/** Why a requirement needs no control, when the program decided so; undefined otherwise. */
function decidedNotToApply(model: ProgramModel, framework: AddedFramework, id: string): string | undefined {
  if (framework === 'iso27001' && model.soa?.data.controls[id]?.applicable === false) {
    return 'the Statement of Applicability excludes it';
  }
  if (framework === 'hipaa' && model.program?.data.frameworks?.hipaa?.decisions[id]?.decision === 'not-reasonable') {
    return 'its decision in content/program.yaml finds it not reasonable and appropriate';
  }
  return undefined;
}

/** What an unknown id probably meant, as a hint; worked out once per framework and id. */
export function unknownRequirementAdvice(framework: AddedFramework, id: string): string {
  return memoText('requirement-advice', `${framework} ${id}`, () => adviceFor(framework, id));
}

function adviceFor(framework: AddedFramework, id: string): string {
  const list = 'docs/frameworks.md lists the ids.';
  if (framework === 'iso27001') {
    const under = isoClausesUnder(id);
    if (under.length > 0) {
      return `${id} groups the requirements ${under.map((clause) => clause.id).join(', ')}: cite those the control meets.`;
    }
    if (findFrameworkRequirement(framework, `A.${id}`)) return `Did you mean the Annex A control \`A.${id}\`?`;
  }
  if (framework === 'hipaa') {
    const written = id.replace(/^(45\s*CFR\s*)?(§\s*)?/i, '');
    if (written !== id && findFrameworkRequirement(framework, written)) return `Cite it as \`${written}\`.`;
    const standard = findHipaaStandard(written);
    if (standard && standard.specifications.length > 0) {
      return `${written} is a standard met through its implementation specifications: cite those the control meets (${standard.specifications.join(', ')}).`;
    }
  }
  if (framework === 'csf' && isWithdrawnCsfId(id)) {
    return `${id} is a CSF 1.1 id that CSF 2.0 withdrew: cite the 2.0 subcategory that holds its outcome now. ${list}`;
  }
  const suggestion = closest(id, frameworkRequirementIds(framework));
  return suggestion ? `Did you mean \`${suggestion}\`?` : `Cite the requirement by its id; ${list}`;
}

function programLine(model: ProgramModel, framework: AddedFramework): number {
  return lineOf(model.program!, 'frameworks', framework);
}

function uncited(
  model: ProgramModel,
  framework: AddedFramework,
  coverage: readonly RequirementCoverage[],
  claimed: ReadonlySet<string>,
): Diagnostic[] {
  // Annex A controls with nothing implementing them are the Statement of Applicability's to report (TB348).
  return coverage
    .filter((entry) => entry.need === 'control' && entry.controls.length === 0 && !claimed.has(entry.requirement.id))
    .map(({ requirement }) =>
      finding(
        'TB342',
        {
          file: PROGRAM_FILE,
          line: programLine(model, framework),
          subject: { kind: 'program', id: requirement.id },
        },
        requirement.id,
        requirement.label,
        frameworkNames[framework],
        citationField[framework],
      ),
    );
}

/**
 * Type II: the stretches of the window in which a cited requirement had no control in operation (TB343) or none
 * that operated effectively (TB344). Requirements left uncovered by the same cause over the same days are one
 * finding naming them all, as for the criteria.
 */
function uncoveredStretches(
  model: ProgramModel,
  coverage: readonly RequirementCoverage[],
  claimed: ReadonlySet<string>,
): Diagnostic[] {
  const line = lineOf(model.program!, 'audit', 'period');
  const groups = new Map<
    string,
    { code: 'TB343' | 'TB344'; span: DateSpan; controls: string; ids: string[]; labels: string[] }
  >();
  const add = (code: 'TB343' | 'TB344', span: DateSpan, controls: string, entry: RequirementCoverage) => {
    const key = `${code} ${span.start} ${span.end} ${controls}`;
    const group = groups.get(key) ?? { code, span, controls, ids: [], labels: [] };
    groups.set(key, group);
    group.ids.push(entry.requirement.id);
    group.labels.push(entry.requirement.label);
  };
  const ids = (controls: readonly { id: string }[]) => controls.map((control) => control.id).join(', ');
  for (const entry of coverage) {
    if (entry.controls.length === 0 || claimed.has(entry.requirement.id)) continue;
    for (const gap of entry.gaps) add('TB343', gap, ids(entry.controls), entry);
    for (const stretch of entry.unmet) add('TB344', stretch, ids(entry.ineffective), entry);
  }
  return [...groups.values()].map(({ code, span, controls, ids: named, labels }) => {
    const what =
      named.length === 1 ? `${named[0]} (${labels[0]})` : `${named.length} requirements (${named.join(', ')})`;
    const where = { file: PROGRAM_FILE, line, subject: { kind: 'program' as const, id: named[0]! } };
    return code === 'TB343'
      ? finding('TB343', where, what, describeSpan(span), controls)
      : finding('TB344', where, what, describeSpan(span), controls, named.length > 1);
  });
}

/**
 * The answer library in a questionnaire's layout: one row per answer with its id, category, question, answer,
 * short answer and citations (each named as a reader knows it: "Encryption Policy, Key management", a
 * practice's title such as "Encryption at rest", a trust document's title). CSV through csv-stringify, XLSX through exceljs.
 */
import type { CheckResult } from '../engine/index.ts';
import type { Document } from '../engine/model.ts';
import { policySections, splitCitation } from '../engine/policy-sections.ts';
import type { AnswerData } from '../schema/index.ts';
import { toCsv } from './csv.ts';
import { pinZipDates } from './reproducible-zip.ts';

export const answerColumns = ['id', 'category', 'question', 'answer', 'yes/no', 'citations'] as const;

/** The answers an audience may read, in category and question order. */
export function answersFor(result: CheckResult, audience: 'public' | 'all'): Document<AnswerData>[] {
  return result.model.answers
    .filter((answer) => audience === 'all' || answer.data.audience.includes('public'))
    .sort(
      (a, b) =>
        (a.data.category ?? '').localeCompare(b.data.category ?? '') || a.data.question.localeCompare(b.data.question),
    );
}

/** Each citation of an answer, named as a reader knows it. */
export function citationNames(result: CheckResult, answer: Document<AnswerData>): string[] {
  const { model } = result;
  const policies = answer.data.cites.policies.map((citation) => {
    const { id, section } = splitCitation(citation);
    const policy = model.policies.find((candidate) => candidate.id === id);
    if (!policy) return citation;
    const heading = section === undefined ? undefined : policySections(policy).get(section);
    return heading ? `${policy.data.title}, ${heading}` : policy.data.title;
  });
  const controls = answer.data.cites.controls.map((id) => {
    const control = model.controls.find((candidate) => candidate.id === id);
    // By title alone, as the trust center's practices page names it: the control ids are internal.
    return control ? control.data.title : id;
  });
  const documents = answer.data.cites.documents.map(
    (id) => model.trustDocuments.find((candidate) => candidate.id === id)?.data.title ?? id,
  );
  return [...policies, ...controls, ...documents];
}

function rows(result: CheckResult, audience: 'public' | 'all'): string[][] {
  return answersFor(result, audience).map((answer) => [
    answer.id,
    answer.data.category ?? '',
    answer.data.question,
    answer.data.answer,
    answer.data.short ?? '',
    citationNames(result, answer).join('; '),
  ]);
}

export function answersCsv(result: CheckResult, audience: 'public' | 'all' = 'all'): string {
  return toCsv(answerColumns, rows(result, audience));
}

export async function answersXlsx(result: CheckResult, audience: 'public' | 'all' = 'all'): Promise<Buffer> {
  // Loaded here only: the sites' build reads this module for the answers' text and never needs a spreadsheet
  // library (nor its dependency tree) in its process.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Dated by the evaluation, never the clock: the same program exports the same bytes.
  workbook.created = workbook.modified = new Date(`${result.summary.asOf}T00:00:00Z`);
  const sheet = workbook.addWorksheet('Answers');
  sheet.columns = [
    { header: 'id', key: 'id', width: 28 },
    { header: 'category', key: 'category', width: 20 },
    { header: 'question', key: 'question', width: 50 },
    { header: 'answer', key: 'answer', width: 80 },
    { header: 'yes/no', key: 'short', width: 9 },
    { header: 'citations', key: 'citations', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  // String cells, never formulas, whatever they start with: nothing to defuse, and no visible prefix.
  for (const row of rows(result, audience)) sheet.addRow(row);
  sheet.getColumn('answer').alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn('question').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(pinZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()), result.summary.asOf));
}

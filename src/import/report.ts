/** `import-report.md`: every mapping left for a person, grouped by what has to be decided, then what changed. */
import type { Decision, DecisionTopic, ImportPlan } from './plan.ts';

export const REPORT_FILE = 'import-report.md';

const sections: { topics: DecisionTopic[]; heading: string; intro: string }[] = [
  {
    topics: ['field'],
    heading: 'Fields to fill in',
    intro:
      'Trustbook needs these and the source does not record them. Nothing was made up: an approval, an owner or a date is left out, and the check reports each one (TB101) until a person writes it.',
  },
  {
    topics: ['criterion', 'standard', 'procedure-criteria'],
    heading: 'Criteria',
    intro: 'Citations that were not written as they stood.',
  },
  { topics: ['variable'], heading: 'Template variables not substituted', intro: '' },
  {
    topics: ['evidence', 'system-description', 'placeholder', 'body'],
    heading: 'Other decisions',
    intro: 'The check raises these once the fields above are filled in.',
  },
  { topics: ['skipped'], heading: 'Documents skipped', intro: '' },
];

function bulletsByFile(decisions: Decision[]): string[] {
  const byFile = new Map<string, Decision[]>();
  for (const decision of decisions) byFile.set(decision.file, [...(byFile.get(decision.file) ?? []), decision]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    if (list.every((decision) => decision.topic === 'field')) {
      lines.push(`- \`${file}\`: ${list.map((decision) => `\`${decision.field}\``).join(', ')}`);
    } else {
      for (const decision of list) lines.push(`- \`${file}\`: ${decision.message}`);
    }
  }
  return lines;
}

export function renderReport(plan: ImportPlan): string {
  const lines = [
    '# Import report',
    '',
    `Imported from \`${plan.source}\` (${plan.layout === 'comply' ? 'comply layout' : 'plain Markdown'}): ${plan.files.length} document(s) written, ${plan.decisions.length} decision(s) left for a person.`,
    '',
  ];
  if (plan.files.length > 0) {
    lines.push('## Documents written', '');
    for (const file of plan.files) lines.push(`- \`${file.path}\` from \`${file.source}\``);
    lines.push('');
  }
  lines.push('## Decisions for a person', '');
  if (plan.decisions.length === 0) lines.push('None.', '');
  for (const section of sections) {
    const decisions = plan.decisions.filter((decision) => section.topics.includes(decision.topic));
    if (decisions.length === 0) continue;
    lines.push(`### ${section.heading}`, '');
    if (section.intro) lines.push(section.intro, '');
    if (section.topics.includes('field')) {
      const reasons = new Map(decisions.map((decision) => [decision.field, decision.message]));
      lines.push(...[...reasons.values()].map((reason) => `- ${reason}`), '');
    }
    lines.push(...bulletsByFile(decisions), '');
  }
  if (plan.notes.length > 0) {
    lines.push(
      '## Changed in conversion, and hints',
      '',
      'Not decisions: what the text or fields now say differently from the source, and hints for the review.',
      '',
    );
    // The same change in many files is one line: a reader scans the kinds of change, then the files.
    const byMessage = new Map<string, string[]>();
    for (const note of plan.notes) byMessage.set(note.message, [...(byMessage.get(note.message) ?? []), note.file]);
    for (const [message, files] of byMessage) {
      lines.push(`- ${[...new Set(files)].map((file) => `\`${file}\``).join(', ')}: ${message}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

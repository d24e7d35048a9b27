/**
 * The body of a pull request that carries one sync into one client (`trustbook sync --pr-body DIR`): what the
 * library moved from and to, each document the sync adds, updates or removes with the fields and sections it
 * touched, and what a partner should read before merging (findings such as an override to review, and notes).
 * Written from the sync plan alone, so the body says exactly what the commit holds.
 */
import { describeChange, type SyncPlan } from './sync-plan.ts';

/** Markdown for a pull request of `plan`; `from` describes the layers the client had (`describeLayers`). */
export function pullRequestBody(plan: SyncPlan, from: string, to: string): string {
  const lines = [
    `Sync of **${plan.client}** with the library: ${from === to ? `still ${code(to)}` : `${code(from)} to ${code(to)}`}.`,
    '',
  ];
  const added = plan.updates.filter((update) => update.added);
  const updated = plan.updates.filter((update) => !update.added);
  if (added.length + updated.length + plan.removals.size > 0) {
    lines.push('### Documents', '');
    for (const update of added) lines.push(`- added ${code(update.path)}`);
    for (const update of updated) {
      const what = describeChange(update);
      lines.push(`- updated ${code(update.path)}${what ? `: ${what}` : ''}`);
    }
    for (const path of [...plan.removals].sort()) lines.push(`- removed ${code(path)} (moved by a library migration)`);
    lines.push('');
  } else {
    lines.push('No document changes: the sync record takes the new version or answers.', '');
  }
  if (plan.findings.length > 0) {
    lines.push('### To read before merging', '');
    for (const found of plan.findings) {
      lines.push(`- ${found.severity} ${found.code} ${code(found.file)}: ${found.message}`);
    }
    lines.push('');
  }
  if (plan.notices.length > 0) {
    lines.push('### Notes', '');
    for (const notice of plan.notices) lines.push(`- ${code(notice.path)}: ${notice.message}`);
    lines.push('');
  }
  lines.push(
    "The client's own edits and its overrides were kept; a document both sides changed would have stopped this " +
      "sync, so none is in it. Merge when the workspace's check passes on this pull request.",
    '',
  );
  return lines.join('\n');
}

/** Inline code, with any backtick in the text (a path may hold one) kept out of the fence. */
function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}

/**
 * Which of the documents SOC 2 requires an imported policy may be, from its title. Only a suggestion in the
 * report: `kind` is never written, since the program may already have a policy of that kind, and which text
 * stands as the required one is a person's call.
 */
import type { PolicyKind } from '../schema/policy.ts';

const titleHints: [RegExp, PolicyKind][] = [
  [/\bincident\b/i, 'incident-response'],
  [/\b(retention|disposal)\b/i, 'data-retention'],
  [/\bacceptable use\b/i, 'acceptable-use'],
  [/\b(vendor|supplier|third[- ]party)\b/i, 'vendor-management'],
  [/\b(continuity|disaster)\b/i, 'business-continuity'],
  [/\brisk\b/i, 'risk-assessment'],
  [/\binformation security\b/i, 'information-security'],
];

export function suggestedKind(title: string): PolicyKind | undefined {
  return titleHints.find(([pattern]) => pattern.test(title))?.[1];
}

export function kindNote(title: string): string | undefined {
  const kind = suggestedKind(title);
  return kind
    ? `may be the required \`${kind}\` policy: add \`kind: ${kind}\` if it is the one the program relies on`
    : undefined;
}

/** Finds the `<Check>` items of a checklist body, each bound to a control, evidence series, policy or rule. */

export type BindingKind = 'control' | 'evidence' | 'policy' | 'rule';

export interface CheckBinding {
  kind: BindingKind;
  target: string;
  /** Line in the file. */
  line: number;
  /** The item's text, between the opening and closing tags. */
  label: string;
}

/** The rules a `<Check rule="...">` can name. */
export const checkRules = ['coverage', 'required-documents', 'training', 'vendors', 'risks'] as const;
export type CheckRule = (typeof checkRules)[number];

/**
 * An item's text ends at its `</Check>` and never runs into the next `<Check `: an unclosed tag then binds
 * nothing instead of swallowing the items after it, and each failed match stops at the next tag, so a body
 * of many unclosed tags takes linear time instead of rescanning the rest of the body for every one.
 */
const checkTag =
  /<Check\s+(control|evidence|policy|rule)\s*=\s*"([^"]*)"\s*(?:\/>|>((?:(?!<Check\s)[\s\S])*?)<\/Check>)/g;

export function checkBindings(body: string, bodyLine: number): CheckBinding[] {
  const bindings: CheckBinding[] = [];
  // Lines are counted from the previous match on, not from the top for every match (quadratic in big bodies).
  let line = bodyLine;
  let counted = 0;
  for (const match of body.matchAll(checkTag)) {
    for (let at = body.indexOf('\n', counted); at !== -1 && at < match.index; at = body.indexOf('\n', at + 1)) line++;
    counted = match.index;
    bindings.push({
      kind: match[1] as BindingKind,
      target: match[2]!,
      line,
      label: (match[3] ?? '').trim(),
    });
  }
  return bindings;
}

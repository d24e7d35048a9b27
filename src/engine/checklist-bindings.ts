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

const checkTag = /<Check\s+(control|evidence|policy|rule)\s*=\s*"([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/Check>)/g;

export function checkBindings(body: string, bodyLine: number): CheckBinding[] {
  const bindings: CheckBinding[] = [];
  for (const match of body.matchAll(checkTag)) {
    const line = bodyLine + body.slice(0, match.index).split('\n').length - 1;
    bindings.push({
      kind: match[1] as BindingKind,
      target: match[2]!,
      line,
      label: (match[3] ?? '').trim(),
    });
  }
  return bindings;
}

/**
 * comply's bodies are Go templates run against the program (`{{.Name}}` is the organization's name). The
 * values comply takes from `comply.yml` are substituted; anything else (a `{{range}}`, `{{.Stats...}}`, a value
 * the configuration lacks) is left as written, where it shows as literal text, and reported.
 */

/** The variables comply fills from `comply.yml`, given its `name`. */
export function complyVariables(organization: string | undefined): Map<string, string> {
  const values = new Map<string, string>();
  if (organization === undefined) return values;
  values.set('.Name', organization);
  values.set('.Project.OrganizationName', organization);
  values.set('.Project.Name', `${organization} Compliance Program`);
  return values;
}

export interface Substituted {
  text: string;
  /** Each distinct template expression left in the text, as written (`{{.Stats.AuditOpen}}`). */
  unresolved: string[];
}

const expression = /\{\{-?\s*([^{}]*?)\s*-?\}\}/g;

export function substituteVariables(text: string, values: Map<string, string>): Substituted {
  const unresolved = new Set<string>();
  const substituted = text.replace(expression, (whole, name: string) => {
    const value = values.get(name.trim());
    if (value !== undefined) return value;
    unresolved.add(whole);
    return whole;
  });
  return { text: substituted, unresolved: [...unresolved] };
}

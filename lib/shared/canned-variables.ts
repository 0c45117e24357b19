// The variables a canned reply may use, and how a template is filled in.
// Pure and shared: the server renders with it, the settings form checks with it.
export const CANNED_VARIABLES = [
  "customer.name",
  "customer.first_name",
  "customer.email",
  "customer.phone",
  "customer.company",
  "agent.name",
  "agent.first_name",
  "conversation.id",
  "conversation.subject",
] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

const PLACEHOLDER = /\{\{\s*([a-z_.]+)\s*\}\}/g;

/** The placeholders of a template that are not variables, e.g. `{{customer.age}}`. */
export function unknownVariables(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter(
    (v) => !(CANNED_VARIABLES as readonly string[]).includes(v),
  );
}

/**
 * Fills the variables in; a variable with no value becomes empty text and is listed in `missing`, so the
 * agent sees what to write by hand before sending. The result is plain text (email HTML escapes it).
 */
export function renderTemplate(template: string, values: Partial<Record<CannedVariable, string>>) {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(CANNED_VARIABLES as readonly string[]).includes(name)) return whole;
    const value = values[name as CannedVariable];
    if (!value) missing.add(name);
    return value ?? "";
  });
  return { text, missing: [...missing] };
}

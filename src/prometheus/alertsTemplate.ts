/**
 * Prometheus expands alert labels and annotations as Go templates, so text from an SLO (its name,
 * service, labels, selectors) must not be read as template actions.
 */

/** Text that a Go template prints unchanged: each `{` becomes an action that prints one. */
export function templateText(text: string): string {
  return text.replace(/\{/g, '{{ "{" }}');
}

/** Every value of a label set, as template text. */
export function templateLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([name, value]) => [name, templateText(value)]));
}

/** The overview's order of names (teams, services, SLOs). */

/** By name in the user's locale; '' (nothing named) after every name. */
export function compareNames(a: string, b: string): number {
  if ((a === '') !== (b === '')) {
    return a === '' ? 1 : -1;
  }
  return a.localeCompare(b);
}

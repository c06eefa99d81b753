import type { SpecError } from './types';

/** Where a field of the spec (and what it contains) lives in another format. */
export type PathRule = readonly [specPath: string, formatPath: string, where?: PathRuleOptions];

export interface PathRuleOptions {
  /** Index of the document (in a file of several) that holds the field. */
  document?: number;
  /**
   * The format holds the field in one value (a query text for a query builder): errors inside
   * it point at that value, and their message starts with the spec field.
   */
  whole?: boolean;
}

export interface LocatedError extends SpecError {
  document?: number;
}

/** Whether a path is the prefix path or a field inside it. */
export function within(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/**
 * Renames the spec paths of validation errors to the paths of the format the SLO was read from,
 * using the first rule whose spec path contains the error's path (so list specific rules first).
 */
export function relocateErrors(errors: readonly SpecError[], rules: readonly PathRule[]): LocatedError[] {
  return errors.map(({ path, message }) => {
    const rule = rules.find(([specPath]) => within(path, specPath));
    if (!rule) {
      return { path, message };
    }
    const [specPath, formatPath, where = {}] = rule;
    const rest = path.slice(specPath.length);
    const located: LocatedError = where.whole
      ? { path: formatPath, message: rest === '' ? message : `${path}: ${message}` }
      : { path: formatPath === '' ? rest.replace(/^\./, '') : `${formatPath}${rest}`, message };
    if (where.document !== undefined) {
      located.document = where.document;
    }
    return located;
  });
}

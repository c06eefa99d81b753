import type { SpecError } from './types';

/** A spec path (prefix) and where that field lives in another format. */
export type PathRule = readonly [specPath: string, formatPath: string];

function within(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/**
 * Renames the spec paths of validation errors to the paths of the format the SLO was read from,
 * using the first rule whose spec path contains the error's path (so list specific rules first).
 */
export function relocateErrors(errors: readonly SpecError[], rules: readonly PathRule[]): SpecError[] {
  return errors.map(({ path, message }) => {
    const rule = rules.find(([specPath]) => within(path, specPath));
    if (!rule) {
      return { path, message };
    }
    const [specPath, formatPath] = rule;
    const rest = path.slice(specPath.length);
    return { path: formatPath === '' ? rest.replace(/^\./, '') : `${formatPath}${rest}`, message };
  });
}

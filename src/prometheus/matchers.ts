import type { LabelMatcher } from '../spec/types';

export function sameMatcher(a: LabelMatcher, b: LabelMatcher): boolean {
  return a.name === b.name && a.op === b.op && a.value === b.value;
}

/**
 * `all` without one occurrence of each of `some` (the first, so order is kept), or null when
 * `some` is not part of `all`. It tells the matchers an event selector adds to a total selector.
 */
export function removeMatchers(all: readonly LabelMatcher[], some: readonly LabelMatcher[]): LabelMatcher[] | null {
  const rest = [...all];
  for (const matcher of some) {
    const index = rest.findIndex((candidate) => sameMatcher(candidate, matcher));
    if (index < 0) {
      return null;
    }
    rest.splice(index, 1);
  }
  return rest;
}

/**
 * SLO specs are shared (library panels, exported files, Git), so anything that looks like a
 * credential is rejected. The rule is deliberately simple, case-insensitive and documented:
 *
 * - a text with `password`, `passwd`, `secret`, `token`, `apikey`/`api_key`/`api-key`,
 *   `access_key` or `authorization` followed by `=` or `:` (optionally after a quote), as in
 *   `password=…`, `{token="…"}` or `Authorization: …`;
 * - a text with `apikey`/`api_key`/`api-key` anywhere, or `Bearer` followed by a token;
 * - a raw query field or label named like one of those words (`{ "apiKey": … }`), or a raw
 *   query value that is one of them (`{ "name": "Authorization", "value": … }` as headers are);
 * - a runbook URL with a user name or password in it.
 */
import { pathOf } from './read';
import type { LabelMatcher, SloSpec, SpecError } from './types';

const WORDS = 'password|passwd|secret|token|api[-_]?key|access[-_]?key|authorization';
const SECRET_ASSIGNMENT = new RegExp(`(${WORDS})\\s*["']?\\s*[=:]`, 'i');
const SECRET_ANYWHERE = /(api[-_]?key)|(bearer)\s+[\w.~+/-]{8,}/i;
const SECRET_NAME = new RegExp(`^(?:${WORDS})$`, 'i');

const message = (what: string) =>
  `looks like a secret (${what}); secrets don't belong in SLO specs: keep credentials in the datasource's settings`;

/** The word that makes a text look like a secret, or null. */
export function secretIn(text: string): string | null {
  const assignment = SECRET_ASSIGNMENT.exec(text);
  if (assignment) {
    return `${assignment[1]}=`;
  }
  const anywhere = SECRET_ANYWHERE.exec(text);
  return anywhere ? (anywhere[1] ?? anywhere[2]) : null;
}

function checkValue(value: unknown, path: string, errors: SpecError[], rawQuery = false): void {
  if (typeof value === 'string') {
    const found = rawQuery && SECRET_NAME.test(value.trim()) ? value.trim() : secretIn(value);
    if (found !== null) {
      errors.push({ path, message: message(found) });
    }
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => checkValue(entry, pathOf(path, index), errors, rawQuery));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      const found = SECRET_NAME.test(key) ? key : secretIn(key);
      if (found !== null) {
        errors.push({ path: pathOf(path, key), message: message(found) });
      }
      checkValue(entry, pathOf(path, key), errors, rawQuery);
    }
  }
}

function urlHasCredentials(text: string): boolean {
  try {
    const url = new URL(text);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/** Every field of the spec that looks like it holds a secret. */
export function findSecrets(slo: SloSpec): SpecError[] {
  const errors: SpecError[] = [];
  const { name, description, service, team, labels, runbookUrl, sli } = slo;
  checkValue({ name, description, service, team, labels, runbookUrl }, '', errors);
  if (urlHasCredentials(runbookUrl)) {
    errors.push({ path: 'runbookUrl', message: message('a user name or password in the URL') });
  }
  checkValue(sli.source, 'sli.source', errors, sli.source.kind === 'raw');
  // A matcher named `token` puts `token="…"` into the query.
  const { source } = sli;
  const matcherLists: Array<[string, LabelMatcher[]]> =
    source.kind === 'prometheusRatio'
      ? [
          ['matchers', source.matchers],
          ['eventMatchers', source.eventMatchers],
        ]
      : source.kind === 'prometheusLatency'
        ? [['matchers', source.matchers]]
        : [];
  for (const [list, matchers] of matcherLists) {
    matchers.forEach((matcher, index) => {
      if (SECRET_NAME.test(matcher.name)) {
        errors.push({ path: `sli.source.${list}[${index}].name`, message: message(`${matcher.name}=`) });
      }
    });
  }
  return errors;
}

/**
 * Errors of the store as values: what happened, in the user's words, and what the caller needs to
 * act on it (the fields to fix, the server's SLO, the dashboards that use it, the request to send
 * again).
 */
import type { SpecError } from '../spec/types';
import type { HttpFailure, StoreRequest } from './http';
import type { SloConnection, StoredSlo } from './types';

interface ErrorBase {
  /** A sentence for the user: what happened and what to do. */
  message: string;
  /** Grafana's HTTP status; 0 when no answer came back. */
  status?: number;
  /** Grafana's own message, for details and bug reports. */
  serverMessage?: string;
}

export type StoreError =
  /** The SLO cannot be saved as it is (checked before sending, or refused by Grafana), or a stored one cannot be read. */
  | (ErrorBase & { kind: 'invalid'; errors: SpecError[] })
  /** Someone else saved the SLO since its version was read; `current` is theirs, when it could be loaded. */
  | (ErrorBase & { kind: 'conflict'; uid: string; current?: StoredSlo })
  | (ErrorBase & { kind: 'forbidden'; folderUid?: string; folderName?: string })
  | (ErrorBase & { kind: 'notFound'; uid: string })
  /** Dashboards use the SLO's library panel, so Grafana keeps it. */
  | (ErrorBase & { kind: 'inUse'; uid: string; connections: SloConnection[] })
  /** Grafana could not be reached; `request` is intact, to send again. */
  | (ErrorBase & { kind: 'network'; request: StoreRequest })
  | (ErrorBase & { kind: 'server'; request: StoreRequest });

export type StoreErrorKind = StoreError['kind'];

/** Whether sending the same request again may succeed: Grafana was unreachable or failed, not the request. */
export function isRetryable(error: StoreError): boolean {
  return error.kind === 'network' || error.kind === 'server';
}

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

export function succeed<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: StoreError): StoreResult<T> {
  return { ok: false, error };
}

/** The General folder's name, as Grafana names it in library panel answers. */
export const GENERAL_FOLDER_TITLE = 'General';

// 502, 503 and 504 come from a proxy in front of Grafana, not from Grafana: the same as no answer.
const UNREACHABLE: Record<number, string> = {
  0: 'no answer',
  502: 'bad gateway, HTTP 502',
  503: 'service unavailable, HTTP 503',
  504: 'gateway timeout, HTTP 504',
};

export function isUnreachable(answer: HttpFailure): boolean {
  return answer.status in UNREACHABLE;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The errors every call can meet: no answer, a signed-out user, a server failure. `doing` says
 * what the user tried, e.g. `save the SLO "Checkout"`.
 */
export function commonFailure(answer: HttpFailure, request: StoreRequest, doing: string): StoreError {
  const server = { status: answer.status, serverMessage: answer.message };
  const writes = request.method !== 'GET';
  if (isUnreachable(answer)) {
    const kept = writes ? ' Your changes are still here: try again' : ' Try again';
    return {
      kind: 'network',
      request,
      ...server,
      message: `Could not ${doing}: Grafana could not be reached (${UNREACHABLE[answer.status]}).${kept} when the connection is back.`,
    };
  }
  if (answer.status === 401) {
    return {
      kind: 'forbidden',
      ...server,
      message: `Could not ${doing}: you are signed out of Grafana. Sign in again in another tab, then try again${writes ? '; your changes are still here' : ''}.`,
    };
  }
  const said = answer.message === '' ? '' : `: "${answer.message}"`;
  if (answer.status === 403) {
    return {
      kind: 'forbidden',
      ...server,
      message: `You may not ${doing}: Grafana refused${said}. Ask an admin for the permission.`,
    };
  }
  return {
    kind: 'server',
    request,
    ...server,
    message: `Could not ${doing}: Grafana answered with an error (HTTP ${answer.status})${said}.`,
  };
}

/** A 2xx answer whose body is not what Grafana's API describes. */
export function unexpectedAnswer(request: StoreRequest, doing: string, expected: string): StoreError {
  return {
    kind: 'server',
    request,
    message: `Could not ${doing}: Grafana's answer was not ${expected}, as Nines expects from Grafana's API.`,
  };
}

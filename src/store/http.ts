/**
 * The store's only door to Grafana: one request through @grafana/runtime's BackendSrv, with
 * Grafana's own alerts off (the store's callers show errors in the user's words), and every
 * outcome as a value.
 */
import { getBackendSrv, isFetchError } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | string[];

/** One call to Grafana's API, kept whole so that a failed call can be shown or sent again. */
export interface StoreRequest {
  method: HttpMethod;
  /** Path under Grafana's root, e.g. `/api/library-elements`. */
  url: string;
  params?: Record<string, QueryValue>;
  /** The JSON body. */
  data?: unknown;
}

export type HttpAnswer =
  | { ok: true; status: number; data: unknown }
  | {
      ok: false;
      /** 0 when no HTTP answer came back. */
      status: number;
      /** Grafana's `message`, or what went wrong on the way. */
      message: string;
      data: unknown;
    };

export type HttpFailure = Extract<HttpAnswer, { ok: false }>;

export function messageOf(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string') {
    return data.message;
  }
  return undefined;
}

export async function send(request: StoreRequest): Promise<HttpAnswer> {
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<unknown>({
        method: request.method,
        url: request.url,
        params: request.params,
        data: request.data,
        showErrorAlert: false,
        showSuccessAlert: false,
      })
    );
    return { ok: true, status: response.status, data: response.data };
  } catch (error) {
    if (isFetchError<unknown>(error) && typeof error.status === 'number') {
      const message = messageOf(error.data) ?? error.message ?? error.statusText ?? '';
      return { ok: false, status: error.status, message, data: error.data };
    }
    // fetch itself failed (offline, DNS, CORS) or the request completed without an answer.
    return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error), data: undefined };
  }
}

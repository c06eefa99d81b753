import { urlUtil } from '@grafana/data';
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';

/**
 * Grafana's BackendSrv over window.fetch: the same URLs, bodies and error shape as Grafana's
 * (`FetchError` with `data.message`), so plugin code meets the API contract it meets in Grafana.
 * Alerts (`showErrorAlert`) are not drawn: the host has no notification area.
 */
export class HostBackendSrv implements BackendSrv {
  // A newer request with the same requestId cancels the older one, as in Grafana.
  private inFlight = new Map<string, AbortController>();

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      if (options.requestId) {
        this.inFlight.get(options.requestId)?.abort();
        this.inFlight.set(options.requestId, controller);
      }
      options.abortSignal?.addEventListener('abort', () => controller.abort());

      send<T>(options, controller.signal).then(
        (response) => {
          subscriber.next(response);
          subscriber.complete();
        },
        (error: unknown) => {
          if (controller.signal.aborted) {
            // Grafana completes a cancelled request without a value.
            subscriber.complete();
            return;
          }
          subscriber.error(error);
        }
      );

      return () => {
        if (options.requestId && this.inFlight.get(options.requestId) === controller) {
          this.inFlight.delete(options.requestId);
        }
        controller.abort();
      };
    });
  }

  async request<T>(options: BackendSrvRequest): Promise<T> {
    const response = await lastValueFrom(this.fetch<T>(options));
    return response.data;
  }

  async datasourceRequest<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }

  get<T>(url: string, params?: BackendSrvRequest['params'], requestId?: string, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'GET', url, params, requestId });
  }

  delete<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'DELETE', url, data });
  }

  post<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'POST', url, data });
  }

  patch<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'PATCH', url, data });
  }

  put<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, method: 'PUT', url, data });
  }

  chunked(): Observable<FetchResponse<Uint8Array | undefined>> {
    throw new Error('BackendSrv.chunked() is not supported by the test host');
  }
}

function buildUrl(options: BackendSrvRequest): string {
  // Grafana resolves API paths against its root whether or not they start with a slash.
  const path = /^https?:\/\//.test(options.url) || options.url.startsWith('/') ? options.url : `/${options.url}`;
  const params = Object.fromEntries(
    Object.entries(options.params ?? {}).filter(([, value]) => value !== undefined && value !== null)
  );
  const query = urlUtil.serializeParams(params);
  if (query === '') {
    return path;
  }
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

function buildBody(data: unknown, headers: Headers): BodyInit | undefined {
  if (data === undefined || data === null) {
    return undefined;
  }
  if (typeof data === 'string' || data instanceof FormData || data instanceof Blob || data instanceof URLSearchParams) {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return data;
  }
  if (!headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }
  return JSON.stringify(data);
}

async function readBody(response: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  if (responseType === 'blob') {
    return response.blob();
  }
  if (responseType === 'arraybuffer') {
    return response.arrayBuffer();
  }
  const text = await response.text();
  if (responseType === 'text') {
    return text;
  }
  // Like Grafana: JSON when it parses, the raw text otherwise (Prometheus errors are text).
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return text;
  }
}

// The caller names T; Grafana's BackendSrv trusts it the same way (responses are untyped JSON).
function responseData<T>(value: unknown): T {
  return value as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFetchError(status: number, statusText: string, body: unknown, config: BackendSrvRequest): FetchError {
  // Grafana's processRequestError: `data.message` is always there for callers to show.
  let data: Record<string, unknown>;
  if (isRecord(body)) {
    data = { ...body };
  } else if (typeof body === 'string' && body !== '') {
    data = { message: body, error: statusText, response: body };
  } else {
    data = { message: 'Unexpected error' };
  }
  if (typeof data.message !== 'string' && typeof data.error === 'string') {
    data.message = data.error;
  }
  return { status, statusText, data, config };
}

async function send<T>(options: BackendSrvRequest, signal: AbortSignal): Promise<FetchResponse<T>> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value !== undefined && value !== null) {
      headers.set(name, String(value));
    }
  }
  const method = (options.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : buildBody(options.data, headers);

  let response: Response;
  try {
    response = await fetch(buildUrl(options), {
      method,
      headers,
      body,
      signal,
      credentials: options.credentials ?? 'same-origin',
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw toFetchError(0, message, { message: `Request to ${options.url} failed: ${message}` }, options);
  }

  const data = await readBody(response, options.responseType);
  if (!response.ok) {
    throw toFetchError(response.status, response.statusText, data, options);
  }
  return {
    data: responseData<T>(data),
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    headers: response.headers,
    redirected: response.redirected,
    type: response.type,
    url: response.url,
    config: options,
  };
}

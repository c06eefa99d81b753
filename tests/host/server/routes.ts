/**
 * What an API handler sees and returns. Routes are named by the operation of Grafana's API
 * description they implement (method and Swagger path under /api), so the contract check finds
 * the operation without a second table.
 */
import type { HostUser } from './users';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method: HttpMethod;
  /** The path without the /api prefix's query string, e.g. /api/library-elements/abc. */
  path: string;
  query: URLSearchParams;
  /** Path parameters under the names the description gives them. */
  params: Record<string, string>;
  body: unknown;
  user: HostUser;
  now: number;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiRoute {
  method: HttpMethod;
  /** A path of Grafana's API description, relative to /api: '/library-elements/{library_element_uid}'. */
  specPath: string;
  handle(request: ApiRequest): ApiResponse | Promise<ApiResponse>;
}

export function ok(body: unknown, status = 200): ApiResponse {
  return { status, body };
}

/** Grafana's error body: `{ message }` (ErrorResponseBody). */
export function fail(status: number, message: string): ApiResponse {
  return { status, body: { message } };
}

interface CompiledRoute {
  route: ApiRoute;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

export interface RouteMatch {
  route: ApiRoute;
  params: Record<string, string>;
}

/** Matches request paths to routes; literal segments win over parameters (/name/x over /{uid}). */
export function routeMatcher(routes: ApiRoute[]): (method: string, apiPath: string) => RouteMatch | undefined {
  const compiled: CompiledRoute[] = routes
    .map((route) => {
      const names: string[] = [];
      const source = route.specPath
        .replace(/\/$/, '')
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]+)\}/g, (_whole, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
      const literalSegments = route.specPath.split('/').filter((segment) => segment && !segment.startsWith('{')).length;
      // Grafana's router answers with and without a trailing slash.
      return { route, names, literalSegments, pattern: new RegExp(`^/api${source}/?$`) };
    })
    .sort((a, b) => b.literalSegments - a.literalSegments);

  return (method, apiPath) => {
    for (const candidate of compiled) {
      const found = candidate.route.method === method ? candidate.pattern.exec(apiPath) : null;
      if (found) {
        const params = Object.fromEntries(
          candidate.names.map((name, index) => [name, decodeURIComponent(found[index + 1])])
        );
        return { route: candidate.route, params };
      }
    }
    return undefined;
  };
}

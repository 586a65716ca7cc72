/**
 * Test-only: an in-memory `http` for unit tests. Routes match on path plus
 * the query parameters they list; every request is recorded so tests can
 * assert the request building (URL, credentials header).
 */
import type { HttpFn, HttpRequest, HttpResponse } from '../http.ts';

export interface FakeRoute {
  path: string;
  query?: Record<string, string>;
  respond: (req: HttpRequest, url: URL) => HttpResponse;
}

export function json(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): HttpResponse {
  return { status, headers, json: body };
}

export function fakeHttp(routes: FakeRoute[]): { http: HttpFn; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const http: HttpFn = async (req) => {
    requests.push(req);
    const url = new URL(req.url);
    const route = routes.find(
      (r) =>
        url.pathname.endsWith(r.path) &&
        Object.entries(r.query ?? {}).every(([key, value]) => url.searchParams.get(key) === value),
    );
    if (!route) return json({ detail: `no route for ${url.pathname}${url.search}` }, 404);
    return route.respond(req, url);
  };
  return { http, requests };
}

export const noSleep = async (): Promise<void> => {};

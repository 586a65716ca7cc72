/**
 * Test-only: a real fetch-based `http` implementation, the counterpart of the
 * background's ky-based one. Lives under testing/ because utils/ modules must
 * not use the network; only tests import it.
 */
import type { HttpFn } from '../http.ts';

export const fetchHttp: HttpFn = async (req) => {
  const init: RequestInit = { method: req.method, headers: req.headers };
  if (req.body !== undefined) init.body = req.body;
  const res = await fetch(req.url, init);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const text = await res.text();
  if (text === '') return { status: res.status, headers, json: undefined };
  try {
    return { status: res.status, headers, json: JSON.parse(text) as unknown };
  } catch (error) {
    // Contract of HttpResponse: an unparsable 2xx body rejects; an error page is just "no JSON".
    if (res.ok) throw error;
    return { status: res.status, headers, json: undefined };
  }
};

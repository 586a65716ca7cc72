/**
 * The background's HTTP function for the source adapters (utils/sources):
 * ky with a timeout and retries of transient failures (network errors, 408,
 * 5xx on GET). It honours the adapters' contract (utils/sources/http.ts):
 * non-2xx responses are returned, not thrown, so adapters map 401/404/429
 * themselves; 429 is never retried here (the adapters honour Retry-After);
 * a 2xx body that is not JSON rejects with a SyntaxError.
 */
import ky, { TimeoutError } from 'ky';
import type { HttpFn, HttpResponse } from '../sources/http.ts';

export const REQUEST_TIMEOUT_MS = 10_000;

export const kyHttp: HttpFn = async (request) => {
  let response: Response;
  try {
    response = await ky(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      timeout: REQUEST_TIMEOUT_MS,
      throwHttpErrors: false,
      retry: { limit: 2, methods: ['get'], statusCodes: [408, 500, 502, 503, 504] },
    });
  } catch (error) {
    if (error instanceof TimeoutError) {
      throw new Error(
        `${new URL(request.url).origin} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
        { cause: error },
      );
    }
    throw error;
  }
  return { status: response.status, headers: headersOf(response), json: await bodyOf(response) };
};

function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  return headers;
}

async function bodyOf(response: Response): Promise<HttpResponse['json']> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Error pages (HTML from a proxy) on non-2xx are common: let the status speak.
    if (!response.ok) return undefined;
    throw error;
  }
}

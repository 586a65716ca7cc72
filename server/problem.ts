/**
 * RFC 9457 problem details: every error response of the API is
 * `application/problem+json` with a human-readable reason in `detail`.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Thrown anywhere in request handling; app.onError turns it into a problem body. */
export class HttpProblem extends Error {
  readonly status: ContentfulStatusCode;
  readonly title: string;
  constructor(status: ContentfulStatusCode, title: string, detail: string) {
    super(detail);
    this.status = status;
    this.title = title;
  }
}

export const badRequest = (detail: string): HttpProblem =>
  new HttpProblem(400, 'Bad Request', detail);
export const unprocessable = (detail: string): HttpProblem =>
  new HttpProblem(422, 'Unprocessable Content', detail);
export const conflict = (detail: string): HttpProblem => new HttpProblem(409, 'Conflict', detail);
export const notFound = (detail: string): HttpProblem => new HttpProblem(404, 'Not Found', detail);

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  detail: string,
): Response {
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return c.body(
    JSON.stringify({ type: `https://clickmap-lens.dev/problems/${slug}`, title, status, detail }),
    status,
    {
      'content-type': 'application/problem+json',
    },
  );
}

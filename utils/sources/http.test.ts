import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildUrl, parseRetryAfter, requestJson, SourceError } from './http.ts';
import type { HttpResponse } from './http.ts';

const NOW = Date.parse('2024-06-25T12:00:00Z');
const schema = v.object({ ok: v.boolean() });
const req = { url: 'https://api.example/x', method: 'GET' as const, headers: {} };

/** An http answering the given responses in turn, recording the sleeps. */
function scripted(...responses: (HttpResponse | Error)[]) {
  const slept: number[] = [];
  let calls = 0;
  const deps = {
    http: async () => {
      const next = responses[Math.min(calls++, responses.length - 1)];
      if (next instanceof Error) throw next;
      return next as HttpResponse;
    },
    sleep: async (ms: number) => {
      slept.push(ms);
    },
    now: () => NOW,
  };
  return { deps, slept, calls: () => calls };
}
const ok = { status: 200, headers: {}, json: { ok: true } };
const tooMany = (retryAfter?: string): HttpResponse => ({
  status: 429,
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  json: undefined,
});

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Tue, 25 Jun 2024 12:00:07 GMT', 7000],
    ['Tue, 25 Jun 2024 11:59:00 GMT', 0],
    ['soon', null],
    [undefined, null],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('requestJson', () => {
  it('backs off 1 s, 2 s, 4 s when a 429 has no Retry-After, capped by maxRetryDelayMs', async () => {
    const { deps, slept } = scripted(tooMany(), tooMany(), tooMany(), ok);
    await expect(requestJson({ ...deps, maxRetryDelayMs: 3000 }, req, schema)).resolves.toEqual({
      ok: true,
    });
    expect(slept).toEqual([1000, 2000, 3000]);
  });

  it('does not retry with maxRetries 0', async () => {
    const { deps, slept, calls } = scripted(tooMany('1'), ok);
    await expect(requestJson({ ...deps, maxRetries: 0 }, req, schema)).rejects.toMatchObject({
      kind: 'rate-limited',
    });
    expect(slept).toEqual([]);
    expect(calls()).toBe(1);
  });

  it.each([
    [
      { status: 401, headers: {}, json: { title: 'API Key Missing' } },
      'unauthorized',
      'API Key Missing',
    ],
    [{ status: 403, headers: {}, json: undefined }, 'unauthorized', null],
    [
      { status: 404, headers: {}, json: { message: 'Campaign not found' } },
      'not-found',
      'Campaign not found',
    ],
    [{ status: 500, headers: {}, json: undefined }, 'http', null],
  ])('maps HTTP %#', async (response, kind, reason) => {
    const { deps } = scripted(response);
    await expect(requestJson(deps, req, schema)).rejects.toMatchObject({
      kind,
      status: response.status,
      reason,
    });
  });

  it('maps a parse failure to invalid-response and other rejections to network', async () => {
    const bad = scripted(new SyntaxError('Unexpected end of JSON input'));
    await expect(requestJson(bad.deps, req, schema)).rejects.toMatchObject({
      kind: 'invalid-response',
      reason: 'Unexpected end of JSON input',
    });
    const down = scripted(new TypeError('fetch failed'));
    const error = await requestJson(down.deps, req, schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ kind: 'network', reason: 'fetch failed' });
  });
});

describe('buildUrl', () => {
  it('joins without double slashes and repeats array parameters', () => {
    expect(
      buildUrl('https://m.example/', '/api/stats/x', { start: 0, 'where[0][val][]': ['1', '2'] }),
    ).toBe(
      'https://m.example/api/stats/x?start=0&where%5B0%5D%5Bval%5D%5B%5D=1&where%5B0%5D%5Bval%5D%5B%5D=2',
    );
  });
});

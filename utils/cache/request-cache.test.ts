// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { RequestCache } from './request-cache.ts';

function setup(ttlMs = 1000, maxEntries = 10) {
  let now = 0;
  const cache = new RequestCache<string>({ ttlMs, maxEntries, now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RequestCache', () => {
  it('shares one in-flight request between callers of the same key', async () => {
    const { cache } = setup();
    let resolve!: (v: string) => void;
    const load = vi.fn(() => new Promise<string>((r) => (resolve = r)));
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    resolve('answer');
    await expect(Promise.all([a, b])).resolves.toEqual(['answer', 'answer']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reuses an answer until the TTL passes, then loads again', async () => {
    const { cache, advance } = setup(1000);
    const load = vi.fn(async () => 'v');
    await cache.get('k', load);
    await flush();
    advance(999);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not cache failures', async () => {
    const { cache } = setup();
    const failing = vi.fn(async () => {
      throw new Error('API down');
    });
    await expect(cache.get('k', failing)).rejects.toThrow('API down');
    await flush();
    await expect(cache.get('k', async () => 'recovered')).resolves.toBe('recovered');
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it('keeps different keys apart and evicts the oldest beyond the bound', async () => {
    const { cache } = setup(1000, 2);
    await cache.get('a', async () => 'A');
    await cache.get('b', async () => 'B');
    await cache.get('c', async () => 'C');
    expect(cache.size).toBe(2);
    const reload = vi.fn(async () => 'A2');
    await expect(cache.get('a', reload)).resolves.toBe('A2');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('forgets everything on clear', async () => {
    const { cache } = setup();
    await cache.get('a', async () => 'A');
    cache.clear();
    await expect(cache.get('a', async () => 'fresh')).resolves.toBe('fresh');
  });
});

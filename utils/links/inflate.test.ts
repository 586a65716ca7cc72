// @vitest-environment node
import { deflateRawSync, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inflateRaw, inflateZlib } from './inflate.ts';

describe('inflate', () => {
  it.each([0, 1, 6, 9])('round-trips node zlib output at level %i', (level) => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4000 }),
        fc.string({ maxLength: 2000 }),
        (bytes, text) => {
          const input = Uint8Array.from([...bytes, ...new TextEncoder().encode(text.repeat(3))]);
          expect(inflateZlib(new Uint8Array(deflateSync(input, { level })))).toEqual(input);
          expect(inflateRaw(new Uint8Array(deflateRawSync(input, { level })))).toEqual(input);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('returns null for a non-zlib header or truncated data', () => {
    expect(inflateZlib(Uint8Array.from([1, 2, 3]))).toBeNull();
    const good = new Uint8Array(deflateSync('hello hello hello hello'));
    expect(inflateZlib(good.subarray(0, 6))).toBeNull();
  });

  it('refuses to inflate a bomb past 64 KiB', () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(10_000_000)));
    expect(inflateZlib(bomb)).toBeNull();
  });
});

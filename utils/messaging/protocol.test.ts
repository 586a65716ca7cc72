// @vitest-environment node
/**
 * Runtime narrowing of the wire format, plus type tests: `npm run typecheck`
 * compiles this file, so a `@ts-expect-error` that stops erroring (a request
 * type loosened, a name dropped) fails the check.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CHANNEL,
  envelope,
  isBackgroundEnvelope,
  isContentEnvelope,
  type Envelope,
  type RequestOf,
  type ResponseOf,
} from './protocol.ts';

describe('envelopes', () => {
  it('wraps a request with the channel and name', () => {
    expect(envelope('ping', { from: 'test' })).toEqual({
      channel: CHANNEL,
      name: 'ping',
      data: { from: 'test' },
    });
  });

  it.each([
    [envelope('ping', { from: 'content' }), true, false],
    [envelope('listFrames', {}), true, false],
    [envelope('framesChanged', { frames: [] }), false, true],
    [envelope('toggleOverlay', {}), false, true],
    [{ channel: 'other-extension', name: 'ping', data: {} }, false, false],
    [{ channel: CHANNEL, name: 'constructor', data: {} }, false, false],
    [{ channel: CHANNEL, name: 'nope', data: {} }, false, false],
    ['ping', false, false],
    [null, false, false],
  ])('classifies %j', (message, forBackground, forContent) => {
    expect(isBackgroundEnvelope(message)).toBe(forBackground);
    expect(isContentEnvelope(message)).toBe(forContent);
  });
});

describe('protocol types', () => {
  it('ties each name to its request and response', () => {
    expectTypeOf<RequestOf<'frameHello'>>().toHaveProperty('origin').toEqualTypeOf<string>();
    expectTypeOf<ResponseOf<'ping'>>().toEqualTypeOf<{ version: string }>();
    expectTypeOf<ResponseOf<'checkConnection'>>().toEqualTypeOf<{ ok: boolean; detail: string }>();
    expectTypeOf(envelope('listFrames', {})).toEqualTypeOf<Envelope<'listFrames'>>();
    // @ts-expect-error: unknown message names do not compile
    envelope('pong', {});
    // @ts-expect-error: a request must have its payload's fields
    envelope('ping', {});
    // @ts-expect-error: wrong payload type for the name
    envelope('frameHello', { from: 'content' });
  });
});

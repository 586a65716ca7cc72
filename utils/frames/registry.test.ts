// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FrameHello } from '../messaging/protocol.ts';
import { FrameRegistry, STALE_AFTER_MS } from './registry.ts';

const hello = (url: string, isTop = false): FrameHello => ({
  url,
  origin: isTop ? 'http://127.0.0.1:1' : 'null',
  isTop,
  linkCount: 3,
  title: url,
  preview: null,
});

describe('FrameRegistry', () => {
  it('lists frames per tab in arrival order with the ids the sender carried', () => {
    const r = new FrameRegistry();
    r.announce(hello('top', true), 7, 0, 1000);
    r.announce(hello('about:srcdoc'), 7, 3, 1001);
    r.announce(hello('other-tab', true), 8, 0, 1002);
    expect(r.list(7).map((f) => [f.url, f.frameId, f.tabId])).toEqual([
      ['top', 0, 7],
      ['about:srcdoc', 3, 7],
    ]);
    expect(r.list(8)).toHaveLength(1);
  });

  it('moves a re-announced frame to the end instead of duplicating it', () => {
    const r = new FrameRegistry();
    r.announce(hello('top', true), 1, 0, 0);
    r.announce(hello('a'), 1, 2, 1);
    r.announce(hello('b'), 1, 3, 2);
    r.announce(hello('a2'), 1, 2, 3);
    expect(r.list(1).map((f) => f.url)).toEqual(['top', 'b', 'a2']);
  });

  it('drops frames of the previous page when the top document changes, keeping fresh ones', () => {
    const r = new FrameRegistry();
    r.announce(hello('old-top', true), 1, 0, 0);
    r.announce(hello('old-child'), 1, 4, 10);
    const later = 10 + STALE_AFTER_MS + 1;
    r.announce(hello('new-child'), 1, 9, later);
    r.announce(hello('new-top', true), 1, 0, later + 5);
    expect(r.list(1).map((f) => f.url)).toEqual(['new-child', 'new-top']);
  });

  it('forgets a closed tab', () => {
    const r = new FrameRegistry();
    r.announce(hello('top', true), 1, 0, 0);
    r.forgetTab(1);
    expect(r.list(1)).toEqual([]);
  });
});

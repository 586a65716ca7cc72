// @vitest-environment node
/** The event-by-event pieces the reference server reuses: ClickUniqueness and MachineClickDetector. */
import { describe, expect, it } from 'vitest';
import { ClickUniqueness } from './click-uniqueness.ts';
import type { DetectableClick } from './machine-clicks.ts';
import { MachineClickDetector } from './machine-clicks.ts';
import { DAY_MS, DEFAULT_MACHINE_RULES } from './options.ts';

describe('ClickUniqueness', () => {
  it.each([
    { name: 'first click counts', times: [0], expected: [true] },
    { name: 'exactly 24 h counts', times: [0, DAY_MS], expected: [true, true] },
    { name: '24 h minus 1 ms does not', times: [0, DAY_MS - 1], expected: [true, false] },
    {
      name: 'window runs from the last counted click',
      times: [0, DAY_MS - 1, DAY_MS, 2 * DAY_MS - 1],
      expected: [true, false, true, false],
    },
  ])('$name', ({ times, expected }) => {
    const state = new ClickUniqueness();
    expect(times.map((t) => state.decide('m', 'L0', t))).toEqual(expected);
  });

  it('keeps one state per message × row', () => {
    const state = new ClickUniqueness();
    expect([
      state.decide('m1', 'L0', 0),
      state.decide('m1', 'L1', 1),
      state.decide('m2', 'L0', 2),
      state.decide('m1', 'L0', 3),
    ]).toEqual([true, true, true, false]);
    expect(state.size).toBe(3);
  });
});

const click = (
  messageKey: string,
  rowKey: string,
  at: number,
  userAgent?: string,
): DetectableClick => ({ messageKey, rowKey, at, userAgent, machine: null });

describe('MachineClickDetector', () => {
  it('holds a chain until a later click closes it, then flags the whole burst', () => {
    const detector = new MachineClickDetector(DEFAULT_MACHINE_RULES);
    expect(detector.push(click('m', 'A', 60_000), 0)).toEqual([]);
    expect(detector.push(click('m', 'B', 61_000), 0)).toEqual([]);
    expect(detector.push(click('m', 'C', 63_000), 0)).toEqual([]);
    const settled = detector.push(click('m', 'A', 65_001), 0);
    expect(settled.map((c) => [c.rowKey, c.machine])).toEqual([
      ['A', 'burst'],
      ['B', 'burst'],
      ['C', 'burst'],
    ]);
    expect(detector.flush().map((c) => [c.rowKey, c.machine])).toEqual([['A', null]]);
  });

  it('settleBefore closes chains only when no later click can extend them', () => {
    const detector = new MachineClickDetector(DEFAULT_MACHINE_RULES);
    detector.push(click('m', 'A', 60_000), undefined);
    expect(detector.settleBefore(62_000)).toEqual([]);
    expect(detector.settleBefore(62_001).map((c) => c.rowKey)).toEqual(['A']);
  });

  it.each([
    {
      ua: 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))',
      reference: undefined,
      at: 60_000,
      expected: 'scanner-user-agent',
    },
    {
      ua: 'python-requests/2.31',
      reference: undefined,
      at: 60_000,
      expected: 'scanner-user-agent',
    },
    {
      ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
      reference: 0,
      at: 60_000,
      expected: null,
    },
    { ua: undefined, reference: 55_000, at: 60_000, expected: 'near-delivery' },
    { ua: undefined, reference: 50_000, at: 60_000, expected: null },
  ])('$ua / reference $reference → $expected', ({ ua, reference, at, expected }) => {
    const detector = new MachineClickDetector(DEFAULT_MACHINE_RULES);
    detector.push(click('m', 'A', at, ua), reference);
    expect(detector.flush()[0]?.machine).toBe(expected);
  });
});

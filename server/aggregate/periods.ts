/**
 * Helpers of the aggregate read path: which periods the per-day aggregates
 * answer exactly (UTC-midnight ends), and a memo for the hot link normaliser.
 */
import type { Identify } from '../../utils/report/options.ts';
import { DAY_MS } from '../../utils/report/options.ts';
import type { DayRange } from './query.ts';
import { LAST_DAY } from './query.ts';
import type { Period } from '../../utils/report/model.ts';

/** linkIdentity is pure and hot (every click of every re-evaluation): a bounded memo. */
export function memoizeIdentify(identify: Identify): Identify {
  const memo = new Map<string, ReturnType<Identify>>();
  return (href) => {
    let identity = memo.get(href);
    if (!identity) {
      if (memo.size >= 100_000) memo.clear();
      identity = identify(href);
      memo.set(href, identity);
    }
    return identity;
  };
}

/** The day range of a period whose ends fall on UTC midnights, else null. */
export function alignedDays(period: Period): DayRange | null {
  const aligned = (t: number | undefined): boolean => t === undefined || t % DAY_MS === 0;
  if (!aligned(period.from) || !aligned(period.to)) return null;
  return {
    first: period.from === undefined ? 0 : Math.max(0, period.from / DAY_MS),
    last: period.to === undefined ? LAST_DAY : period.to / DAY_MS - 1,
  };
}

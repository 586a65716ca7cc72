/**
 * What ONE message (campaign × recipient) adds to the additive aggregates.
 *
 * Every report number is a function of one message's events (uniqueness,
 * machine verdicts, bounced / ever-opened status all live per message), except
 * unsubscribes, which are deduplicated per recipient (the `unsubs` table,
 * counted at query time by query.ts).
 * So the engine's own ReportAccumulator is run over the message's whole
 * history once per UTC day on which the message has events, with that day as
 * the period: its per-day verdicts are exactly what a day-aligned report sums.
 * Nothing of the engine's semantics is re-implemented here.
 *
 * Keys of the result (fields separated by U+001F):
 * - `d:<metric>\u001f\u001f<day>\u001f<prevDay>` distinct-message metrics: one entry per
 *   day the message has the property, `prevDay` its previous such day (-1:
 *   none). A period [D1, D2] counts the message once: the entry with
 *   D1 <= day <= D2 and prevDay < D1.
 * - `c:<metric>\u001f<row>\u001f<day>\u001f0` additive per-row counts of that day.
 * - `k:dk\u001f\u001f0\u001f0` delivered events ever (the source reports deliveries).
 * - `u:<mode>\u001f<row>\u001f<day>\u001f<final URL>` / `m:<mode>…<domain>`: final URLs and
 *   domains of tallied clicks (sets, capped by the engine at its thresholds).
 * - `l:x\u001f<row>\u001f<first day>\u001f<link id>`: link ids of the clicks on a final-domain
 *   row over the whole history (they name the row), on the message's first day only.
 */
import { ReportAccumulator } from '../../utils/report/accumulator.ts';
import type { EmailEvent } from '../../utils/report/model.ts';
import type { ReportOptions } from '../../utils/report/options.ts';
import { DAY_MS } from '../../utils/report/options.ts';
import type { ReportCounts } from '../../utils/report/row-tally.ts';

export type Contribution = Record<string, number>;

/** 'x': machine clicks excluded, 'i': included (uniqueness differs between the two). */
export type Mode = 'x' | 'i';

export const dayOf = (at: number): number => Math.floor(at / DAY_MS);

/** Message-level properties of one day, by distinct metric name. */
function dayProperties(x: ReportCounts, i: ReportCounts): string[] {
  const m = x.messages;
  const props: string[] = [];
  if (m.sent) props.push('sent');
  if (m.delivered) props.push('delivered');
  if (m.hardBounces) props.push('hard');
  if (m.hardBounces || m.softBounces) props.push('bounce');
  if (m.uniqueOpens) props.push('open');
  if (m.bouncePixelOpens) props.push('pixel');
  if (m.complaints) props.push('complaint');
  for (const [mode, counts] of [['x', x] as const, ['i', i] as const]) {
    if (counts.messages.uniqueClicks) props.push(`click-${mode}`);
    if (counts.messages.clickImpliedOpens) props.push(`implied-${mode}`);
  }
  return props;
}

function addRows(out: Contribution, day: number, mode: Mode, counts: ReportCounts): void {
  for (const [row, tally] of counts.rows) {
    const add = (metric: string, n: number): void => {
      if (n !== 0) out[`c:${metric}\u001f${row}\u001f${day}\u001f0`] = n;
    };
    add(`unique-${mode}`, tally.uniqueClicks);
    add(`total-${mode}`, tally.totalClicks);
    if (mode === 'x') add('machine', tally.machineClicks);
    for (const url of tally.finalUrls) out[`u:${mode}\u001f${row}\u001f${day}\u001f${url}`] = 1;
    for (const domain of tally.finalDomains)
      out[`m:${mode}\u001f${row}\u001f${day}\u001f${domain}`] = 1;
  }
}

function countDay(
  events: readonly EmailEvent[],
  day: number,
  options: ReportOptions,
): ReportCounts {
  const accumulator = new ReportAccumulator(
    [events[0]?.campaignId ?? ''],
    { from: day * DAY_MS, to: (day + 1) * DAY_MS },
    options,
  );
  for (const event of events) accumulator.add(event);
  return accumulator.finish();
}

/**
 * The message's contribution. `events` are all of the message's events in
 * compareEvents order; `options` must not depend on includeMachineClicks.
 */
export function messageContribution(
  events: readonly EmailEvent[],
  options: ReportOptions,
): Contribution {
  const out: Contribution = {};
  const days = [...new Set(events.map((e) => dayOf(e.at)))].sort((a, b) => a - b);
  const previous = new Map<string, number>();
  const excluded = days.map((day) =>
    countDay(events, day, { ...options, includeMachineClicks: false }),
  );
  // Machine verdicts do not depend on the mode: without any, both modes count the same.
  const machine = excluded.some((counts) => counts.machineClicks > 0);
  days.forEach((day, index) => {
    const x = excluded[index] as ReportCounts;
    const i = machine ? countDay(events, day, { ...options, includeMachineClicks: true }) : x;
    for (const prop of dayProperties(x, i)) {
      out[`d:${prop}\u001f\u001f${day}\u001f${previous.get(prop) ?? -1}`] = 1;
      previous.set(prop, day);
    }
    addRows(out, day, 'x', x);
    addRows(out, day, 'i', i);
    if (index === 0)
      for (const [row, tally] of x.rows)
        for (const id of tally.sourceLinkIds) out[`l:x\u001f${row}\u001f${day}\u001f${id}`] = 1;
  });
  const delivered = events.filter((e) => e.type === 'delivered').length;
  if (delivered > 0) out['k:dk\u001f\u001f0\u001f0'] = delivered;
  return out;
}

/** Entries to add (positive) or remove (negative) to go from `before` to `after`. */
export function contributionDelta(before: Contribution, after: Contribution): Contribution {
  const delta: Contribution = {};
  for (const [key, n] of Object.entries(after)) {
    const d = n - (before[key] ?? 0);
    if (d !== 0) delta[key] = d;
  }
  for (const [key, n] of Object.entries(before)) if (!(key in after)) delta[key] = -n;
  return delta;
}

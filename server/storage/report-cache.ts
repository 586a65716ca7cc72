/**
 * Click-map reports kept per database generation (the number of commits by
 * any connection of this server: a counter shared with the writer thread), so
 * a dashboard read repeated between two writes costs a map lookup instead of
 * its SQL, and a read never competes for the CPU with the writes it is not
 * waiting for.
 *
 * An entry is served only while the generation it was computed at is still
 * the current one. The generation is read BEFORE the report's snapshot is
 * taken and bumped AFTER each commit, so a label can only be older than the
 * data it labels: a report is never served as current once a commit it does
 * not contain is acknowledged.
 *
 * Hot entries (read in the last HOT_MS and cheap to compute) are recomputed
 * by the writer thread right after each of its commits and installed here
 * before that commit's requests are acknowledged (./writer-thread.ts): under a
 * steady stream of writes, the reads of a dashboard still never run SQL on
 * the event loop.
 */
import type { ClickMapReport } from '../../utils/report/report-types.ts';
import type { ClickMapQuery } from './types.ts';

/** A report the writer thread recomputed, with what computing it cost. */
export interface RefreshedReport {
  query: ClickMapQuery;
  report: ClickMapReport;
  costMs: number;
}

interface Entry extends RefreshedReport {
  generation: number;
  lastRead: number;
}

/** Entries kept (least recently read dropped first). */
export const CACHE_ENTRIES = 64;
/** A query read within this window is refreshed after each writer commit... */
export const HOT_MS = 10_000;
/** ...when computing it costs at most this much CPU (a ragged period over millions of events does not). */
export const HOT_COST_MS = 250;
/** At most this many refreshed per commit. */
export const HOT_QUERIES = 16;

/** One key per distinct query (field order and campaign order normalised). */
export function reportKey(q: ClickMapQuery): string {
  return JSON.stringify([
    q.templateId,
    q.versionId ?? null,
    q.campaignIds ? [...q.campaignIds].sort() : null,
    q.from ?? null,
    q.to ?? null,
    q.includeMachineClicks,
  ]);
}

export class ReportCache {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: () => number;

  /** `clock`: milliseconds, for hotness only (performance.now by default). */
  constructor(clock: () => number = () => performance.now()) {
    this.#clock = clock;
  }

  /** The report of `query` if computed at `generation`, else undefined. */
  get(query: ClickMapQuery, generation: number): ClickMapReport | undefined {
    const key = reportKey(query);
    const entry = this.#entries.get(key);
    if (!entry || entry.generation !== generation) return undefined;
    entry.lastRead = this.#clock();
    // Re-inserted: the map's order is least recently read first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.report;
  }

  /** Keeps a report computed at `generation` (a read of it: it becomes hot). */
  set(generation: number, refreshed: RefreshedReport, read = true): void {
    const key = reportKey(refreshed.query);
    const lastRead = read ? this.#clock() : (this.#entries.get(key)?.lastRead ?? -Infinity);
    this.#entries.delete(key);
    this.#entries.set(key, { ...refreshed, generation, lastRead });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= CACHE_ENTRIES) break;
      this.#entries.delete(oldest);
    }
  }

  /** Reports the writer thread recomputed at `generation`: kept unless newer ones are. */
  install(generation: number, reports: readonly RefreshedReport[]): void {
    for (const refreshed of reports) {
      const known = this.#entries.get(reportKey(refreshed.query));
      if (known && known.generation > generation) continue;
      this.set(generation, refreshed, false);
    }
  }

  /** Queries worth recomputing after a commit: read lately and cheap, most recent first. */
  hot(): ClickMapQuery[] {
    const since = this.#clock() - HOT_MS;
    return [...this.#entries.values()]
      .filter((e) => e.lastRead >= since && e.costMs <= HOT_COST_MS)
      .reverse()
      .slice(0, HOT_QUERIES)
      .map((e) => e.query);
  }
}

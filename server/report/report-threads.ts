/**
 * The report engine on several threads (node only; utils/ stays pure): a
 * columnar log is split by recipient (utils/report/partition.ts), this thread
 * counts part 0 while count workers count the others over the same
 * SharedArrayBuffer columns, and the parts' counts merge into exactly the
 * counts of a single-threaded countColumns. Start once and reuse: starting a
 * worker loads the engine's modules (tens of milliseconds).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from '../../utils/report/build.ts';
import {
  assembleClickMap,
  resolveInputOptions,
  selectedCampaignIds,
} from '../../utils/report/build.ts';
import type { ColumnarInput } from '../../utils/report/columnar.ts';
import { countColumns } from '../../utils/report/columnar.ts';
import type { EventColumns } from '../../utils/report/event-columns.ts';
import type { Period } from '../../utils/report/model.ts';
import { resolveOptions } from '../../utils/report/options.ts';
import { mergeRecipientParts, recipientParts } from '../../utils/report/partition.ts';
import type { ClickMapReport } from '../../utils/report/report-types.ts';
import type { ReportCounts } from '../../utils/report/row-tally.ts';
import type { CountReply, CountRequest, ThreadReportOptions } from './count-protocol.ts';
import { shareColumns } from './shared-columns.ts';

const WORKER_URL = new URL('./count-worker.ts', import.meta.url);

interface Pending {
  resolve: (counts: ReportCounts) => void;
  reject: (error: Error) => void;
}

class CountWorker {
  readonly #worker = new Worker(WORKER_URL);
  readonly #pending = new Map<number, Pending>();
  readonly ready: Promise<void>;
  #failure: Error | null = null;

  constructor() {
    // Referenced while starting and while a count is pending: an idle pool never keeps node alive.
    this.ready = new Promise((resolve, reject) => {
      this.#worker.once('message', () => {
        if (this.#pending.size === 0) this.#worker.unref();
        resolve();
      });
      this.#worker.once('error', reject);
    });
    this.#worker.on('message', (reply: CountReply) => this.#settle(reply));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`count worker exited (code ${code})`)));
  }

  count(request: CountRequest): Promise<ReportCounts> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  terminate(): Promise<number> {
    this.#failure ??= new Error('report threads closed');
    return this.#worker.terminate();
  }

  #settle(reply: CountReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if ('counts' in reply) pending.resolve(reply.counts);
    else if ('error' in reply) pending.reject(new Error(reply.error));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }
}

export class ReportThreads {
  readonly #workers: CountWorker[];
  #nextId = 0;

  private constructor(workers: CountWorker[]) {
    this.#workers = workers;
  }

  /** `threads` in all, this one included (default: the machine's parallelism, at most 8). */
  static async start(threads = Math.min(availableParallelism(), 8)): Promise<ReportThreads> {
    if (!Number.isInteger(threads) || threads < 1)
      throw new Error(`threads must be ≥ 1: ${threads}`);
    const workers = Array.from({ length: threads - 1 }, () => new CountWorker());
    await Promise.all(workers.map((w) => w.ready));
    return new ReportThreads(workers);
  }

  get threads(): number {
    return this.#workers.length + 1;
  }

  /** countColumns, split by recipient over the threads; columns not yet shared are copied once. */
  async countColumns(
    columns: EventColumns,
    campaignIds: readonly string[],
    period: Period,
    options: ThreadReportOptions = {},
    assumeSorted = false,
  ): Promise<ReportCounts> {
    const resolved = resolveOptions(options);
    if (this.#workers.length === 0)
      return countColumns(columns, campaignIds, period, resolved, assumeSorted);
    const shared = shareColumns(columns);
    const parts = recipientParts(this.threads);
    const request = { columns: shared, campaignIds, period, options, assumeSorted };
    const remote = this.#workers.map((worker, k) =>
      worker.count({ ...request, id: this.#nextId++, part: parts[k + 1]! }),
    );
    // Settle every remote part before reporting a local failure (no unhandled rejection).
    const local = attempt(() =>
      countColumns(shared, campaignIds, period, resolved, assumeSorted, parts[0]),
    );
    const settled = await Promise.allSettled(remote);
    if ('error' in local) throw local.error;
    const counts = settled.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
    return mergeRecipientParts(shared, [local.value, ...counts], resolved.dynamicFinalUrls);
  }

  /** buildClickMapReportColumnar on the threads: the same report, byte for byte. */
  async buildClickMapReport(
    input: ColumnarInput,
    options: ThreadReportOptions & Pick<Partial<BuildOptions>, 'assumeSorted'> = {},
  ): Promise<ClickMapReport> {
    const { assumeSorted = false, ...given } = options;
    const resolved = resolveInputOptions(input, given);
    // The input's unsubscribe links travel to the workers (a Map is structured-cloned).
    const reportOptions = { ...given, unsubscribeLinks: resolved.unsubscribeLinks };
    const campaignIds = selectedCampaignIds(input);
    const period = input.period ?? {};
    const counts = await this.countColumns(
      input.columns,
      campaignIds,
      period,
      reportOptions,
      assumeSorted,
    );
    return assembleClickMap(input, campaignIds, counts, resolved);
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

function attempt<T>(run: () => T): { value: T } | { error: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

/**
 * A small cache for API answers in the background: one in-flight request per
 * key (a preview frame and the panel asking for the same click map share one
 * fetch), fresh answers reused for `ttlMs`, failures never cached (the next
 * ask retries), and a bounded size (oldest entry evicted first). Pure: the
 * clock is injected.
 */

export interface RequestCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now: () => number;
}

interface Entry<T> {
  promise: Promise<T>;
  /** When the answer arrived; undefined while in flight. */
  settledAt?: number;
}

export class RequestCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #options: RequestCacheOptions;

  constructor(options: RequestCacheOptions) {
    this.#options = options;
  }

  /** The cached or in-flight answer for `key`, else the result of `load()` (shared). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const existing = this.#entries.get(key);
    if (existing && this.#isUsable(existing)) return existing.promise;
    const entry: Entry<T> = { promise: load() };
    this.#entries.set(key, entry);
    this.#evictOverflow();
    entry.promise.then(
      () => (entry.settledAt = this.#options.now()),
      () => {
        // Only forget the failure if it is still the current entry for the key.
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return entry.promise;
  }

  /** Drop everything (settings changed: another API, another token). */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #isUsable(entry: Entry<T>): boolean {
    if (entry.settledAt === undefined) return true;
    return this.#options.now() - entry.settledAt < this.#options.ttlMs;
  }

  #evictOverflow(): void {
    while (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) return;
      this.#entries.delete(oldest);
    }
  }
}

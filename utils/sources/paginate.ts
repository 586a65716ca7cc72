/**
 * Offset/count pagination shared by the adapters (Mailchimp count/offset,
 * Mautic start/limit). Stops at the provider's total, at an empty page, or at
 * a hard item/page cap so a provider that keeps answering cannot loop us forever.
 */

export interface Page<T> {
  items: T[];
  /** Total number of items the provider says exist. */
  total: number;
}

export type FetchPage<T> = (offset: number, count: number) => Promise<Page<T>>;

export const DEFAULT_MAX_ITEMS = 50_000;
/** A provider capping pages very low (or ignoring offset) cannot make us send thousands of requests. */
export const MAX_PAGES = 500;

export async function collectPages<T>(
  fetchPage: FetchPage<T>,
  pageSize: number,
  maxItems = DEFAULT_MAX_ITEMS,
): Promise<T[]> {
  const items: T[] = [];
  // Advance by what came back, not by pageSize: providers may cap `count` lower than asked.
  for (let pages = 0; pages < MAX_PAGES && items.length < maxItems; pages++) {
    const page = await fetchPage(items.length, Math.min(pageSize, maxItems - items.length));
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) break;
  }
  return items.slice(0, maxItems);
}

/**
 * The event-id rule, one for every path (engine, reference server, importer):
 * an id names one event. The same id with the same content again is a
 * re-delivery and changes nothing; the same id with different content is a
 * conflict and the input is refused (the server answers 409 listing the ids
 * and stores nothing of that request; the engine throws EventIdConflictError).
 */
import type { EmailEvent } from './model.ts';

/** How many conflicting ids an error message lists (the `ids` field has them all). */
const LISTED = 20;

export class EventIdConflictError extends Error {
  readonly ids: readonly string[];
  constructor(ids: readonly string[]) {
    const listed = ids.slice(0, LISTED).map((id) => JSON.stringify(id));
    const more = ids.length > LISTED ? ` and ${ids.length - LISTED} more` : '';
    super(
      `event id${ids.length > 1 ? 's' : ''} reused with different content: ${listed.join(', ')}${more}`,
    );
    this.name = 'EventIdConflictError';
    this.ids = ids;
  }
}

/** Field-by-field equality of two events (key order and absent vs undefined fields do not matter). */
export function sameEventContent(a: EmailEvent, b: EmailEvent): boolean {
  return canonical(a) === canonical(b);
}

export function canonical(event: EmailEvent): string {
  const record = event as unknown as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return JSON.stringify(keys.map((k) => [k, record[k]]));
}

/** Remembers every id seen: `admit` is true for a new event, false for a re-delivery. */
export class EventIdLedger {
  readonly #seen = new Map<string, EmailEvent>();
  readonly #conflicts = new Set<string>();

  admit(event: EmailEvent): boolean {
    const known = this.#seen.get(event.id);
    if (known === undefined) {
      this.#seen.set(event.id, event);
      return true;
    }
    if (known !== event && !sameEventContent(known, event)) this.#conflicts.add(event.id);
    return false;
  }

  /** Throws EventIdConflictError when some id came with different contents. */
  check(): void {
    if (this.#conflicts.size > 0) throw new EventIdConflictError([...this.#conflicts]);
  }
}

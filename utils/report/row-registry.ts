/**
 * Interned link rows for the fast counter. A click resolves once per distinct
 * (linkId, authored URL, final domain) to a small integer "ref" (one
 * ClickRowRef object, made by LinkRowResolver.rowOf: the one row rule); refs
 * map to dense row indices by row key. The hot path then moves integers only.
 */
import type { LinkIdentity } from '../links/identity.ts';
import type { ClickRowRef } from './link-rows.ts';
import { LinkRowResolver } from './link-rows.ts';
import type { Identify } from './options.ts';

/** Per authored URL: its identity and the refs already made from it. */
interface UrlRefs {
  identity: LinkIdentity;
  /** Static URL: linkId ('' when none) → ref; personalised URL: linkId + U+0000 + final domain → ref. */
  refs: Map<string, number>;
}

export class RowRegistry {
  readonly resolver: LinkRowResolver;
  readonly refs: ClickRowRef[] = [];
  /** ref → dense row index. */
  rowOfRef = new Int32Array(256);
  readonly #rowIndex = new Map<string, number>();
  readonly #urls = new Map<string, UrlRefs>();
  /** List-Unsubscribe presses: linkId + U+0000 + url → ref. */
  readonly #presses = new Map<string, number>();

  constructor(identify: Identify) {
    this.resolver = new LinkRowResolver(identify);
  }

  get rowCount(): number {
    return this.#rowIndex.size;
  }

  /** The ref of a click, as LinkRowResolver.rowOf resolves it. */
  refOf(
    linkId: string | undefined,
    url: string,
    finalUrl: string | undefined,
    listUnsubscribe?: true,
  ): number {
    if (listUnsubscribe) {
      const key = `${linkId ?? ''}\u0000${url}`;
      const ref = this.#presses.get(key);
      if (ref !== undefined) return ref;
      const made = this.#add(this.resolver.rowOf({ linkId, url, finalUrl, listUnsubscribe }));
      this.#presses.set(key, made);
      return made;
    }
    let entry = this.#urls.get(url);
    if (entry === undefined) {
      entry = { identity: this.resolver.identity(url), refs: new Map() };
      this.#urls.set(url, entry);
    }
    const key = entry.identity.dynamic
      ? `${linkId ?? ''}\u0000${this.resolver.finalDomain(finalUrl) ?? ''}`
      : (linkId ?? '');
    const ref = entry.refs.get(key);
    if (ref !== undefined) return ref;
    const made = this.#add(this.resolver.rowOf({ linkId, url, finalUrl }));
    entry.refs.set(key, made);
    return made;
  }

  #add(rowRef: ClickRowRef): number {
    const ref = this.refs.length;
    this.refs.push(rowRef);
    let row = this.#rowIndex.get(rowRef.rowKey);
    if (row === undefined) this.#rowIndex.set(rowRef.rowKey, (row = this.#rowIndex.size));
    if (ref === this.rowOfRef.length) {
      const next = new Int32Array(ref * 2);
      next.set(this.rowOfRef);
      this.rowOfRef = next;
    }
    this.rowOfRef[ref] = row;
    return ref;
  }
}

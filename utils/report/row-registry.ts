/**
 * Interned link rows for the fast counter. A click resolves once per distinct
 * (linkId, authored URL, final domain) to a small integer "ref" (one
 * ClickRowRef object, built exactly as LinkRowResolver.rowOf builds it); refs
 * map to dense row indices by row key. The hot path then moves integers only.
 */
import type { LinkIdentity } from '../links/identity.ts';
import type { ClickRowRef } from './link-rows.ts';
import { LinkRowResolver } from './link-rows.ts';
import type { Identify } from './options.ts';

/** Per authored URL: its identity and the refs already made from it. */
interface UrlRefs {
  identity: LinkIdentity;
  /** linkId → ref. */
  byLinkId: Map<string, number>;
  /** Ref of a click without linkId; -1: not made yet (and unused for dynamic URLs). */
  plain: number;
  /** Dynamic URL without linkId: final domain ('' when none) → ref. */
  byFinalDomain: Map<string, number> | null;
}

export class RowRegistry {
  readonly resolver: LinkRowResolver;
  readonly refs: ClickRowRef[] = [];
  /** ref → dense row index. */
  rowOfRef = new Int32Array(256);
  readonly #rowIndex = new Map<string, number>();
  readonly #urls = new Map<string, UrlRefs>();

  constructor(identify: Identify) {
    this.resolver = new LinkRowResolver(identify);
  }

  get rowCount(): number {
    return this.#rowIndex.size;
  }

  /** The ref of a click, as LinkRowResolver.rowOf would resolve it. */
  refOf(linkId: string | undefined, url: string, finalUrl: string | undefined): number {
    let entry = this.#urls.get(url);
    if (entry === undefined) {
      const identity = this.resolver.identity(url);
      entry = { identity, byLinkId: new Map(), plain: -1, byFinalDomain: null };
      this.#urls.set(url, entry);
    }
    if (linkId !== undefined && linkId !== '') {
      const ref = entry.byLinkId.get(linkId);
      return ref ?? this.#remember(entry.byLinkId, linkId, this.#add(linkId, linkId, url, entry));
    }
    if (!entry.identity.dynamic) {
      if (entry.plain < 0) entry.plain = this.#add(entry.identity.key, null, url, entry);
      return entry.plain;
    }
    const domain = this.resolver.finalDomain(finalUrl) ?? entry.identity.domain;
    const byDomain = (entry.byFinalDomain ??= new Map());
    const ref = byDomain.get(domain ?? '');
    if (ref !== undefined) return ref;
    const rowKey = domain ? `domain:${domain}` : entry.identity.key;
    return this.#remember(byDomain, domain ?? '', this.#add(rowKey, null, url, entry));
  }

  #remember(map: Map<string, number>, key: string, ref: number): number {
    map.set(key, ref);
    return ref;
  }

  #add(rowKey: string, linkId: string | null, url: string, entry: UrlRefs): number {
    const { key, domain, dynamic } = entry.identity;
    const ref = this.refs.length;
    this.refs.push({ rowKey, linkId, url, key, domain, templateDynamic: dynamic });
    let row = this.#rowIndex.get(rowKey);
    if (row === undefined) this.#rowIndex.set(rowKey, (row = this.#rowIndex.size));
    if (ref === this.rowOfRef.length) {
      const next = new Int32Array(ref * 2);
      next.set(this.rowOfRef);
      this.rowOfRef = next;
    }
    this.rowOfRef[ref] = row;
    return ref;
  }
}

/**
 * Which frames of which tab run our content script. The top frame's panel
 * aggregates the link placements of every preview frame (a Roundcube preview
 * pane, an ESP's srcdoc iframe...), so the background keeps this map and tells
 * the top frame when it changes. Pure: the caller supplies ids and the clock.
 */
import type { FrameHello, FrameRecord } from '../messaging/protocol.ts';

export class FrameRegistry {
  readonly #tabs = new Map<number, Map<number, FrameRecord>>();

  /** Record (or refresh) a frame; returns the tab's frames in arrival order. */
  announce(hello: FrameHello, tabId: number, frameId: number, now: number): FrameRecord[] {
    let frames = this.#tabs.get(tabId);
    if (hello.isTop || frames === undefined) {
      // A new top document means the tab navigated: frames of the old page are gone.
      if (hello.isTop && frames !== undefined) this.#dropStale(frames, now);
      frames ??= new Map();
      this.#tabs.set(tabId, frames);
    }
    // Re-announcing (a preview swapped in the same iframe) moves the frame to the end.
    frames.delete(frameId);
    frames.set(frameId, { ...hello, tabId, frameId, seenAt: now });
    return this.list(tabId);
  }

  list(tabId: number): FrameRecord[] {
    return [...(this.#tabs.get(tabId)?.values() ?? [])];
  }

  forgetTab(tabId: number): void {
    this.#tabs.delete(tabId);
  }

  /**
   * Drop frames announced before the current top document. Child frames of the
   * new page may announce before the top one does (all run at document_idle),
   * so only frames older than a grace window are removed.
   */
  #dropStale(frames: Map<number, FrameRecord>, now: number): void {
    for (const [id, frame] of frames) {
      if (frame.isTop || now - frame.seenAt > STALE_AFTER_MS) frames.delete(id);
    }
  }
}

/** Frames announced within this window before a new top document are kept. */
export const STALE_AFTER_MS = 5_000;

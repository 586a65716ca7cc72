/** The overlay's view prefs in extension storage (local area); only the background reads and writes them. */
import { storage } from 'wxt/utils/storage';
import { parseViewPrefs, type ViewPrefs } from '../settings/view-prefs.ts';

const item = storage.defineItem<unknown>('local:viewPrefs');

export async function loadViewPrefs(): Promise<ViewPrefs> {
  return parseViewPrefs(await item.getValue());
}

/** Merges a (validated) change into the stored prefs; returns the result. */
export async function updateViewPrefs(change: unknown): Promise<ViewPrefs> {
  const next = parseViewPrefs(change, await loadViewPrefs());
  await item.setValue(next);
  return next;
}

/** Settings persisted in extension storage (local area), parsed on every read. */
import { storage } from 'wxt/utils/storage';
import { parseSettings, type Settings } from '../settings/settings.ts';

const item = storage.defineItem<unknown>('local:settings');

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await item.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(settings);
}

/** Calls `onChange` with the new settings whenever any context saves them. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const unwatch = item.watch((value) => onChange(parseSettings(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}

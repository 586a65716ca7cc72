/** The panel's per-site layout in extension storage (local area); only the background reads and writes it. */
import { storage } from 'wxt/utils/storage';
import {
  layoutOf,
  parsePanelLayouts,
  withSiteLayout,
  type PanelLayout,
} from '../settings/panel-layout.ts';

const item = storage.defineItem<unknown>('local:panelLayouts');

export async function loadPanelLayout(site: string): Promise<PanelLayout> {
  return layoutOf(parsePanelLayouts(await item.getValue()), site);
}

/** Merges a (validated) change into `site`'s layout; returns the result. */
export async function updatePanelLayout(site: string, change: unknown): Promise<PanelLayout> {
  const { layouts, layout } = withSiteLayout(
    parsePanelLayouts(await item.getValue()),
    site,
    change,
  );
  await item.setValue(layouts);
  return layout;
}

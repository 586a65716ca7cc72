/**
 * Background worker wiring: serves the typed protocol, keeps the frame
 * registry, relays the toolbar button / shortcut to the tab's top frame.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createApiClient } from '../utils/browser/api-client.ts';
import { sendToFrame, serveBackground } from '../utils/browser/messaging.ts';
import { loadSettings } from '../utils/browser/settings-store.ts';
import { isConfigured } from '../utils/settings/settings.ts';
import { FrameRegistry } from '../utils/frames/registry.ts';

export default defineBackground(() => {
  const frames = new FrameRegistry();
  const lifetime = new AbortController(); // the worker lives as long as its listeners

  serveBackground(
    {
      ping: () => ({ version: browser.runtime.getManifest().version }),
      frameHello: (hello, sender) => {
        const tabId = sender.tab?.id;
        const frameId = sender.frameId;
        if (tabId === undefined || frameId === undefined)
          throw new Error('frameHello from outside a tab');
        const list = frames.announce(hello, tabId, frameId, Date.now());
        // The top frame shows the aggregate; it may not be listening yet (it announces too).
        sendToFrame({ tabId, frameId: 0 }, 'framesChanged', { frames: list }).catch(() => {});
        return { tabId, frameId };
      },
      listFrames: (_data, sender) => ({ frames: frames.list(sender.tab?.id ?? -1) }),
      checkConnection: async () => {
        const settings = await loadSettings();
        if (!isConfigured(settings))
          return { ok: false, detail: 'Not configured: enter the API address and token.' };
        try {
          const health = await createApiClient(settings).health();
          return { ok: true, detail: `Connected to ${settings.apiUrl} (${health.status}).` };
        } catch (error) {
          return { ok: false, detail: (error as Error).message };
        }
      },
    },
    lifetime.signal,
  );

  browser.tabs.onRemoved.addListener((tabId) => frames.forgetTab(tabId));

  const toggle = (tabId: number | undefined) => {
    if (tabId !== undefined)
      sendToFrame({ tabId, frameId: 0 }, 'toggleOverlay', {}).catch(() => {});
  };
  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => toggle(tab.id));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-overlay') toggle(tab?.id);
  });
});

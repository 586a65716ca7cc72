/**
 * Background worker wiring: serves the typed protocol, keeps the frame
 * registry, owns the network (report loading with a shared cache), relays
 * panel commands to preview frames and the toolbar button / shortcut to the
 * tab's top frame.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { sendToFrame, serveBackground } from '../../utils/browser/messaging.ts';
import { watchSettings } from '../../utils/browser/settings-store.ts';
import { loadViewPrefs, updateViewPrefs } from '../../utils/browser/view-prefs-store.ts';
import { FrameRegistry } from '../../utils/frames/registry.ts';
import { auditFrame, checkConnection, createReportService } from './reports.ts';

export default defineBackground(() => {
  const frames = new FrameRegistry();
  const lifetime = new AbortController(); // the worker lives as long as its listeners
  const reports = createReportService();
  watchSettings(() => reports.clearCache(), lifetime.signal);

  serveBackground(
    {
      ping: () => ({ version: browser.runtime.getManifest().version }),
      frameHello: (hello, sender) => {
        const tabId = sender.tab?.id;
        const frameId = sender.frameId;
        if (tabId === undefined || frameId === undefined) {
          throw new Error('frameHello from outside a tab');
        }
        const list = frames.announce(hello, tabId, frameId, Date.now());
        // The top frame shows the aggregate; it may not be listening yet (it announces too).
        sendToFrame({ tabId, frameId: 0 }, 'framesChanged', { frames: list }).catch(() => {});
        return { tabId, frameId };
      },
      listFrames: (_data, sender) => ({ frames: frames.list(sender.tab?.id ?? -1) }),
      loadReport: ({ frameId, selection }, sender) => {
        const frame = frames.list(sender.tab?.id ?? -1).find((f) => f.frameId === frameId);
        if (!frame?.preview) throw new Error(`Frame ${frameId} holds no email preview (any more).`);
        return reports.load(frame.preview, selection);
      },
      auditPreview: ({ frameId }, sender) =>
        auditFrame(frames.list(sender.tab?.id ?? -1).find((f) => f.frameId === frameId)),
      relay: async ({ frameId, command }, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { delivered: false };
        const { done } = await sendToFrame({ tabId, frameId }, 'frameCommand', command);
        return { delivered: done };
      },
      openOptions: async () => {
        await browser.runtime.openOptionsPage();
        return { opened: true };
      },
      checkConnection: () => checkConnection(),
      viewPrefs: ({ change }) => (change ? updateViewPrefs(change) : loadViewPrefs()),
    },
    lifetime.signal,
  );

  browser.tabs.onRemoved.addListener((tabId) => frames.forgetTab(tabId));

  const toggle = (tabId: number | undefined) => {
    if (tabId === undefined) return;
    sendToFrame({ tabId, frameId: 0 }, 'toggleOverlay', {}).catch(() => {});
  };
  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => toggle(tab.id));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-overlay') toggle(tab?.id);
  });
});

/**
 * Background worker wiring: serves the typed protocol, keeps the frame
 * registry, owns the network (report loading with a shared cache), registers
 * the content script for the enabled hosts only, injects its chunks on
 * request, relays panel commands to preview frames and the toolbar button /
 * shortcut to the tab's top frame (injecting the lens once into a tab of a
 * host that is not enabled: activeTab).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { sendToFrame, serveBackground } from '../../utils/browser/messaging.ts';
import { loadViewPrefs, updateViewPrefs } from '../../utils/browser/view-prefs-store.ts';
import { loadPanelLayout, updatePanelLayout } from '../../utils/browser/panel-layout-store.ts';
import { siteKey } from '../../utils/settings/panel-layout.ts';
import { loadSettings, saveSettings, watchSettings } from '../../utils/browser/settings-store.ts';
import { FrameRegistry } from '../../utils/frames/registry.ts';
import { withMachineClicks } from '../../utils/settings/settings.ts';
import { injectChunk } from './chunks.ts';
import { CONTENT_SCRIPT_FILE, createContentRegistration } from './content-registration.ts';
import { auditFrame, checkConnection, createReportService } from './reports.ts';
import { createSiteSwitch } from './site-switch.ts';

export default defineBackground(() => {
  const frames = new FrameRegistry();
  const lifetime = new AbortController(); // the worker lives as long as its listeners
  const reports = createReportService();
  const registration = createContentRegistration();
  const siteSwitch = createSiteSwitch();
  watchSettings((settings) => {
    reports.clearCache();
    void registration.sync();
    siteSwitch.changed(settings);
  }, lifetime.signal);
  // Registered scripts do not survive an unpacked reinstall or, reliably, a restart.
  void registration.sync();
  browser.runtime.onInstalled.addListener(() => void registration.sync());
  browser.runtime.onStartup.addListener(() => void registration.sync());
  browser.permissions.onAdded.addListener(() => void registration.sync());
  browser.permissions.onRemoved.addListener(() => void registration.sync());

  serveBackground(
    {
      ping: () => ({ version: browser.runtime.getManifest().version }),
      frameHello: (hello, sender) => {
        const tabId = sender.tab?.id;
        const frameId = sender.frameId;
        if (tabId === undefined || frameId === undefined) {
          throw new Error('frameHello from outside a tab');
        }
        if (siteSwitch.refuses(sender)) return { tabId, frameId, off: true };
        const list = frames.announce(hello, tabId, frameId, Date.now());
        // The top frame shows the aggregate; it may not be listening yet (it announces too).
        sendToFrame({ tabId, frameId: 0 }, 'framesChanged', { frames: list }).catch(() => {});
        return { tabId, frameId, off: false };
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
      loadChunk: ({ name }, sender) => injectChunk(name, sender),
      openOptions: async () => {
        await browser.runtime.openOptionsPage();
        return { opened: true };
      },
      checkConnection: () => checkConnection(),
      viewPrefs: ({ change }) => (change ? updateViewPrefs(change) : loadViewPrefs()),
      panelLayout: ({ change }, sender) => {
        // The site is the sender's top page, never a name the page could choose.
        const site = sender.frameId === 0 ? siteKey(sender.url ?? sender.tab?.url) : null;
        if (!site) throw new Error('panelLayout is for the top frame of a web page');
        return change ? updatePanelLayout(site, change) : loadPanelLayout(site);
      },
      keyboardShortcut: async () => {
        const commands = await browser.commands.getAll();
        const shortcut = commands.find((c) => c.name === 'toggle-overlay')?.shortcut;
        return { shortcut: shortcut || null };
      },
      rememberMachineClicks: async ({ include }) => {
        const settings = withMachineClicks(await loadSettings(), include);
        await saveSettings(settings);
        return { include: settings.includeMachineClicks };
      },
    },
    lifetime.signal,
  );

  browser.tabs.onRemoved.addListener((tabId) => {
    frames.forgetTab(tabId);
    siteSwitch.forgetTab(tabId);
  });

  /**
   * Toolbar button / shortcut: the tab's lens shows or hides its overlay. On
   * a host that is not enabled no content script is there: the click grants
   * activeTab for this tab, and the lens is injected into its frames once.
   */
  const toggle = async (tabId: number | undefined) => {
    if (tabId === undefined) return;
    const send = () => sendToFrame({ tabId, frameId: 0 }, 'toggleOverlay', {});
    try {
      await send();
    } catch {
      siteSwitch.userOpened(tabId);
      await browser.scripting
        .executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] })
        .then(send)
        .catch((error: unknown) => console.debug('[clickmap-lens] cannot open here:', error));
    }
  };
  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => void toggle(tab.id));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-overlay') void toggle(tab?.id);
  });
});

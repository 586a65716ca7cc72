/**
 * The per-site switch, honoured in tabs that were already open (issue 11,
 * item 7: nothing at all runs on a switched-off host). Unregistering the
 * content script only keeps it out of pages loaded afterwards; the browser
 * never unloads a running one. So when a host is switched off (or no longer
 * enabled) every tab hears it and the frames on it stop (watcher, listeners,
 * panel, badges: all hang on the content script's signal), and a dormant
 * frame that wakes later on a switched-off host is refused when it
 * announces itself. A tab where the user opened the lens with the toolbar
 * button is theirs to use: it is never refused.
 */
import { browser, type Browser } from 'wxt/browser';
import { sendToTab } from '../../utils/browser/messaging.ts';
import { loadSettings } from '../../utils/browser/settings-store.ts';
import type { Settings } from '../../utils/settings/settings.ts';
import { activeHosts, hostsTurnedOff, urlOnHosts } from '../../utils/sites/sites.ts';

const active = (s: Settings) => activeHosts(s.enabledSites, s.disabledSites);

export function createSiteSwitch() {
  let settings: Settings | null = null;
  const openedByUser = new Set<number>();
  void loadSettings().then((loaded) => (settings ??= loaded));

  async function tellTabs(hosts: string[]): Promise<void> {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined || openedByUser.has(tab.id)
          ? undefined
          : sendToTab(tab.id, 'siteOff', { hosts, tabOff: urlOnHosts(tab.url, hosts) }).catch(
              () => undefined, // no lens in that tab
            ),
      ),
    );
  }

  return {
    /** New settings saved: tabs on hosts that were on and no longer are stop their lens. */
    changed(next: Settings): void {
      const before = settings ? active(settings) : [];
      settings = next;
      const off = hostsTurnedOff(before, active(next));
      if (off.length > 0) void tellTabs(off);
    },
    /** A frame announcing itself on a switched-off host (its own or its tab's) is refused. */
    refuses(sender: Browser.runtime.MessageSender): boolean {
      const tabId = sender.tab?.id;
      if (!settings || tabId === undefined || openedByUser.has(tabId)) return false;
      const off = settings.disabledSites;
      return urlOnHosts(sender.tab?.url, off) || urlOnHosts(sender.url, off);
    },
    userOpened(tabId: number): void {
      openedByUser.add(tabId);
    },
    forgetTab(tabId: number): void {
      openedByUser.delete(tabId);
    },
  };
}

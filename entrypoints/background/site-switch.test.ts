/**
 * The per-site switch reaches tabs that were already open: switching a host
 * off tells every tab which hosts stopped, and a frame that announces itself
 * on a switched-off host afterwards is refused, unless the user opened the
 * lens in that tab with the toolbar button.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/settings.ts';
import { createSiteSwitch } from './site-switch.ts';

const settings = (enabledSites: string[], disabledSites: string[] = []): Settings => ({
  ...DEFAULT_SETTINGS,
  enabledSites,
  disabledSites,
});
const sender = (tabId: number, url: string): Browser.runtime.MessageSender => ({
  tab: { id: tabId, url } as Browser.tabs.Tab,
  frameId: 3,
  url: 'about:srcdoc',
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('site switch', () => {
  it('tells every tab the hosts just switched off, and whether its page is on one', async () => {
    await browser.storage.local.set({ settings: settings(['mail.example.com', 'lists.example']) });
    const tabs = [
      { id: 1, url: 'https://mail.example.com/?_task=mail' },
      { id: 2, url: 'https://news.example/' },
      { id: 3 }, // a tab whose URL the extension may not read
    ] as Browser.tabs.Tab[];
    vi.spyOn(browser.tabs, 'query').mockImplementation((() => Promise.resolve(tabs)) as never);
    const sent = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const siteSwitch = createSiteSwitch();
    await settle();

    siteSwitch.changed(settings(['mail.example.com', 'lists.example'], ['mail.example.com']));
    await settle();
    const told = sent.mock.calls.map(([tabId, message]) => [
      tabId,
      (message as { data: unknown }).data,
    ]);
    const data = { hosts: ['mail.example.com'], tabOff: false };
    expect(told).toEqual([
      [1, { ...data, tabOff: true }],
      [2, data],
      [3, data],
    ]);
    // Nothing more to stop when nothing more is switched off.
    sent.mockClear();
    siteSwitch.changed(settings(['mail.example.com', 'lists.example'], ['mail.example.com']));
    await settle();
    expect(sent).not.toHaveBeenCalled();
  });

  it('refuses a frame announcing itself on a switched-off host, unless the user opened the lens there', async () => {
    await browser.storage.local.set({
      settings: settings(['mail.example.com'], ['mail.example.com']),
    });
    const siteSwitch = createSiteSwitch();
    await settle();
    expect(siteSwitch.refuses(sender(7, 'https://mail.example.com/'))).toBe(true);
    expect(siteSwitch.refuses(sender(8, 'https://news.example/'))).toBe(false);
    siteSwitch.userOpened(7);
    expect(siteSwitch.refuses(sender(7, 'https://mail.example.com/'))).toBe(false);
  });
});

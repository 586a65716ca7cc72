/**
 * The panel by keyboard and in its place (issue 12, items 5 and 6), in real
 * Chromium and Firefox: the browser shortcut (the toggleOverlay message the
 * background sends on it) moves focus into the panel from a link inside the
 * email, Tab stays in the panel, Escape returns focus to that link; the
 * panel docks left, resizes from the keyboard, collapses to a slim bar, and
 * the next page of the site opens it that way; badges stay under the panel
 * when it moves. axe-core finds no violation in any panel state (loading,
 * error, no match with its picker, sequence, collapsed, keyboard help open)
 * nor on the options page. Run after `npm run build:all`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeExtensionPage, axePanel } from './harness/axe.ts';
import type { ExtensionBrowser } from './harness/browsers.ts';
import { apiSettings } from './harness/configure.ts';
import { badgesAtLeast, topBadgeShown, topmostOverBadges } from './harness/overlay-dom.ts';
import {
  BROWSERS,
  startOverlayFixture,
  TOKEN,
  type OverlayFixture,
} from './harness/overlay-fixture.ts';

const WELCOME = '/corpus/templates/postmark-basic-full-welcome.html';
/** A real template the demo API does not know: no campaign matches it. */
const UNKNOWN = '/corpus/templates/mailjet-tutorial-welcome.html';
/** A step of the demo's sales sequence. */
const SEQUENCE_STEP = '/corpus/templates/postmark-plain-trial-expiring.html';

/** What has focus: in the panel (its element), or in the page (the preview frame's element). */
function focusInPanel(): string | null {
  const host = document.querySelector('clickmap-lens-ui');
  const active = host?.shadowRoot?.activeElement;
  if (document.activeElement !== host || !active) return null;
  return `${active.localName}${active.className ? `.${active.className.split(' ')[0]}` : ''}`;
}

function panelClosed(): boolean {
  return (
    document.querySelector('clickmap-lens-ui')?.shadowRoot?.querySelector('.cml-panel') == null
  );
}

/** The href of the focused link inside the preview frame, or null. */
function focusedEmailLink(): string | null {
  const frame = document.getElementById('preview') as HTMLIFrameElement | null;
  const active = frame?.contentDocument?.activeElement;
  // The frame's own realm: its elements are not instances of this window's HTMLAnchorElement.
  return document.activeElement === frame && active?.localName === 'a'
    ? (active as HTMLAnchorElement).href
    : null;
}

function focusEmailLink(index: number): string {
  const frame = document.getElementById('preview') as HTMLIFrameElement;
  const link = frame.contentDocument!.querySelectorAll('a[href]')[index] as HTMLAnchorElement;
  // As a user tabbing into the email does: the frame gets focus, then its link.
  frame.focus();
  link.focus();
  return link.href;
}

/**
 * The panel's box and the layout attributes on its host; with `when`, null
 * until the panel is docked left / collapsed / expanded (for waitFor).
 */
function panelBox(when: 'any' | 'left' | 'collapsed' | 'expanded' = 'any') {
  const host = document.querySelector('clickmap-lens-ui');
  const panel = host?.shadowRoot?.querySelector('.cml-panel');
  if (!host || !panel) return null;
  if (when === 'left' && host.getAttribute('data-dock') !== 'left') return null;
  if (when === 'collapsed' && !host.hasAttribute('data-collapsed')) return null;
  if (when === 'expanded' && host.shadowRoot?.querySelector('.cml-tabs') == null) return null;
  const r = panel.getBoundingClientRect();
  return {
    left: Math.round(r.left),
    right: Math.round(r.right),
    width: Math.round(r.width),
    // The layout viewport (Firefox's innerWidth counts the scroll bar).
    viewport: document.documentElement.clientWidth,
    dock: host.getAttribute('data-dock'),
    collapsed: host.hasAttribute('data-collapsed'),
    tabs: host.shadowRoot?.querySelector('.cml-tabs') != null,
  };
}

function focusResizeHandle(): boolean {
  const handle = document
    .querySelector('clickmap-lens-ui')
    ?.shadowRoot?.querySelector<HTMLElement>('.cml-resize');
  handle?.focus();
  return handle != null;
}

function openKeyboardHelp(): string | null {
  const help = document
    .querySelector('clickmap-lens-ui')
    ?.shadowRoot?.querySelector<HTMLDetailsElement>('details.cml-keys');
  if (!help) return null;
  help.open = true;
  return help.textContent;
}

/** What the browser's shortcut does: the background sends toggleOverlay to the tab's top frame. */
function summonExpression(origin: string): string {
  return `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const tabs = (await api.tabs.query({})).filter((t) => (t.url ?? '').startsWith(${JSON.stringify(origin)}));
    const tab = tabs.at(-1);
    if (!tab) throw new Error('no test tab');
    const reply = await api.tabs.sendMessage(tab.id,
      { channel: 'clickmap-lens/v1', name: 'toggleOverlay', data: {} }, { frameId: 0 });
    return reply.data.visible;
  })()`;
}

const storedLayouts = (browser: ExtensionBrowser) =>
  browser.extensionEval(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return (await api.storage.local.get('panelLayouts')).panelLayouts ?? null;
  })()`);
const forgetLayouts = (browser: ExtensionBrowser) =>
  browser.extensionEval(
    `(globalThis.browser ?? globalThis.chrome).storage.local.remove('panelLayouts')`,
  );

for (const name of BROWSERS) {
  describe(`panel keyboard, place and accessibility (${name})`, () => {
    let fx: OverlayFixture;
    /** An API that takes requests and never answers: the panel stays "loading". */
    let hanging: Server;
    beforeAll(async () => {
      fx = await startOverlayFixture(name);
      hanging = createServer(() => {});
      await new Promise<void>((ok) => hanging.listen(0, '127.0.0.1', ok));
    });
    afterAll(async () => {
      hanging?.closeAllConnections();
      hanging?.close();
      await fx?.close();
    });

    afterEach(() => forgetLayouts(fx.browser));

    const summon = () =>
      fx.browser.extensionEval(summonExpression(`${fx.pages.origin}/pages/esp-preview.html`));

    it('the shortcut moves focus from an email link into the panel; Escape brings it back', async () => {
      const page = await fx.openPreview({ src: WELCOME });
      expect(await fx.settle(page)).toBe('ready');
      const href = await page.evaluateAsPage(focusEmailLink, 2);
      expect(await page.evaluateAsPage(focusedEmailLink, undefined)).toBe(href);
      // Shown on its own: the panel took no focus.
      expect(await page.evaluate(focusInPanel, undefined)).toBeNull();

      expect(await summon()).toBe(true);
      expect(await page.waitFor(focusInPanel, undefined, 5_000)).toBe('h2');
      await page.press('Tab');
      expect(await page.evaluate(focusInPanel, undefined)).toMatch(/^button\.cml-collapse/);
      await page.press('Escape');
      await page.waitFor(panelClosed, undefined, 5_000);
      expect(await page.evaluateAsPage(focusedEmailLink, undefined)).toBe(href);

      // Closed: the shortcut opens it with focus in it; pressed again in the panel, it closes.
      expect(await summon()).toBe(true);
      expect(await page.waitFor(focusInPanel, undefined, 5_000)).toBe('h2');
      expect(await summon()).toBe(false);
      await page.waitFor(panelClosed, undefined, 5_000);
      expect(await page.evaluateAsPage(focusedEmailLink, undefined)).toBe(href);

      // The panel says how: the shortcut and Escape.
      await summon();
      await page.waitFor(focusInPanel, undefined, 5_000);
      const help = await page.evaluate(openKeyboardHelp, undefined);
      expect(help).toContain('Alt+Shift+K');
      expect(help).toContain('Esc');
      expect(await axePanel(page)).toEqual([]);
      await page.close();
    });

    it('docks left, resizes by keyboard, collapses; the next page of the site opens it so; badges stay under it', async () => {
      await forgetLayouts(fx.browser);
      const page = await fx.openPreview({ src: WELCOME });
      expect(await fx.settle(page)).toBe('ready');
      const start = await page.evaluate(panelBox, 'any');
      expect(start).toMatchObject({ dock: 'right', right: start!.viewport, collapsed: false });

      await page.click('button.cml-dock');
      const left = await page.waitFor(panelBox, 'left');
      expect(left).toMatchObject({ left: 0, width: start!.width });

      expect(await page.evaluate(focusResizeHandle, undefined)).toBe(true);
      await page.press('ArrowRight');
      await page.press('ArrowRight');
      const wider = await page.evaluate(panelBox, 'any');
      expect(wider!.width).toBe(start!.width + 48);
      expect(await axePanel(page)).toEqual([]);

      await page.click('button.cml-collapse');
      const bar = await page.waitFor(panelBox, 'collapsed');
      expect(bar).toMatchObject({ left: 0, width: 48, tabs: false });
      expect(await page.evaluate(focusInPanel, undefined)).toMatch(/^button\.cml-collapse/);
      expect(await axePanel(page)).toEqual([]);
      await page.waitFor(badgesAtLeast, 3, 5_000);
      await page.close();

      const stored = await storedLayouts(fx.browser);
      expect(stored).toEqual([
        { site: '127.0.0.1', side: 'left', width: start!.width + 48, collapsed: true },
      ]);

      // The next page of the site: docked left, collapsed; expanded, the width it had.
      const next = await fx.openPreview({ src: WELCOME });
      await fx.settle(next);
      expect(await next.waitFor(panelBox, 'collapsed')).toMatchObject({
        left: 0,
        width: 48,
        collapsed: true,
      });
      // A real click on the bar's expand button: it is visible and on top.
      await next.click('button.cml-collapse');
      const open = await next.waitFor(panelBox, 'expanded');
      expect(open).toMatchObject({ left: 0, width: start!.width + 48, dock: 'left' });
      await next.close();

      // A view-in-browser page (badges in the top document): docked left, still above them.
      const inBrowser = await fx.browser.newPage();
      await inBrowser.setViewport(1024, 900);
      await inBrowser.goto(`${fx.pages.origin}/corpus/templates/leemunroe-email-inlined.html`);
      await fx.settle(inBrowser);
      await inBrowser.waitFor(panelBox, 'left');
      await inBrowser.waitFor(topBadgeShown, undefined, 10_000);
      const hits = await inBrowser.evaluate(topmostOverBadges, undefined);
      console.log(`[${name}] docked left: topmost over badges`, JSON.stringify(hits));
      expect(hits?.length).toBeGreaterThan(0);
      expect(new Set(hits)).toEqual(new Set(['clickmap-lens-ui']));
      await inBrowser.close();
      await forgetLayouts(fx.browser);
    });

    it.each([
      ['loading', 'hanging'],
      ['error', 'wrong-token'],
      ['no-data', 'unknown'],
      ['sequence', 'sequence'],
    ] as const)('axe-core: the panel %s passes', async (state, setup) => {
      if (setup === 'hanging') {
        const port = (hanging.address() as AddressInfo).port;
        await fx.configure(apiSettings(`http://127.0.0.1:${port}`, TOKEN));
      }
      if (setup === 'wrong-token') await fx.configure(apiSettings(fx.api.url, 'wrong-token'));
      const src = setup === 'unknown' ? UNKNOWN : setup === 'sequence' ? SEQUENCE_STEP : WELCOME;
      const page = await fx.openPreview({ src });
      try {
        if (setup === 'hanging') {
          await page.waitFor(
            () =>
              document
                .querySelector('clickmap-lens-ui')
                ?.shadowRoot?.querySelector('.cml-panel[data-state="loading"]') != null,
            undefined,
            10_000,
          );
        } else {
          expect(await fx.settle(page)).toBe(setup === 'sequence' ? 'ready' : state);
        }
        if (setup === 'sequence') {
          await page.click('button.cml-tab[data-view="sequence"]');
          await page.waitFor(
            () =>
              document.querySelector('clickmap-lens-ui')?.shadowRoot?.querySelector('.cml-steps') !=
              null,
            undefined,
            10_000,
          );
        }
        expect(await axePanel(page)).toEqual([]);
      } finally {
        await page.close();
        await fx.configure();
      }
    });

    it('axe-core: the options page passes', async () => {
      const options = await fx.browser.newPage();
      await options.goto(`${fx.browser.extensionOrigin}options.html`);
      // Firefox reports no load for extension pages: poll until the form is there.
      for (let i = 0; i < 100; i++) {
        const ready = await options
          .evaluateAsPage(() => document.querySelector('form') !== null, undefined)
          .catch(() => false);
        if (ready) break;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      const blank = await fx.browser.newPage();
      await blank.goto(`${fx.pages.origin}/pages/none`);
      const violations = await axeExtensionPage(options, blank);
      expect(violations).toEqual([]);
      await Promise.all([options.close(), blank.close()]);
    });
  });
}

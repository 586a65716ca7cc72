// @vitest-environment node
/**
 * Clickmap Lens in a real SOGo 5.8 (Debian; setup.sh runs here when the
 * login page does not answer), in Chromium and Firefox. Two campaigns are
 * registered with the reference Click Map API and delivered, with a third
 * message the API does not know; the lens must badge every link with its
 * number and unique clicks, and name the right template, in the mail
 * module's viewer, across message-to-message navigation (including to and
 * from a message without data), when SOGo re-renders the same message
 * ("Load Images", or the root replaced by an identical copy) and in the
 * popup viewer.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/start.ts';
import { launch, type ExtensionBrowser } from '../harness/browsers.ts';
import { apiSettings, openSettingsPage, writeSettings } from '../harness/configure.ts';
import { panelStateIn } from '../harness/overlay-dom.ts';
import { BROWSERS } from '../harness/overlay-fixture.ts';
import { goldstarWelcome, postmarkWelcome, type Campaign } from '../roundcube/campaigns.ts';
import { deliverHtmlEmail } from '../roundcube/deliver.ts';
import { emptyMailbox } from '../roundcube/imap.ts';
import {
  expectedLabelPrefixes,
  registerCampaign,
  type RegisteredCampaign,
} from '../rigs/campaign-api.ts';
import { templateLine, waitForLabels } from '../rigs/badges.ts';
import { UNKNOWN_MESSAGE } from '../rigs/unknown-message.ts';
import { ensureSogoRig, type SogoRig } from './rig.ts';
import { SOGO_BODY, loadImages, login, openInPopup, openInViewer } from './session.ts';

const SHOTS = resolve(import.meta.dirname, '../../../test-results/sogo');
const TOKEN = 'sogo-e2e-token';
const RUN = Date.now().toString(36);

interface Delivered extends Campaign {
  uid: number;
}

/**
 * The labels SOGo leaves links for: it removes `tel:` hrefs (measured on the
 * rig; Goldstar's phone link has none in SOGo), so that row has no badge.
 */
const shown = (c: RegisteredCampaign) =>
  expectedLabelPrefixes(c).filter((_, i) => !c.hrefs[i]!.startsWith('tel:'));

for (const name of BROWSERS) {
  describe(`Clickmap Lens in a real SOGo (${name})`, () => {
    let rig: SogoRig;
    let server: RunningServer;
    let browser: ExtensionBrowser;
    let welcome: RegisteredCampaign;
    let goldstar: RegisteredCampaign;
    const mail: Record<'welcome' | 'goldstar' | 'unknown', Delivered> = {} as never;

    beforeAll(async () => {
      rig = await ensureSogoRig();
      server = await startServer({ token: TOKEN });
      welcome = await registerCampaign(
        server,
        'sogo-welcome',
        'Welcome (SOGo test)',
        postmarkWelcome(),
      );
      goldstar = await registerCampaign(
        server,
        'sogo-goldstar',
        'Goldstar welcome (SOGo test)',
        goldstarWelcome(),
      );
      const deliver = async (c: Campaign): Promise<Delivered> => {
        const subject = `${c.subject} [${name} ${RUN}]`;
        const { uid } = await deliverHtmlEmail({ ...c, subject, account: rig.imap });
        return { ...c, subject, uid };
      };
      // The list renders only the rows in view: start from an empty INBOX so these three are.
      await emptyMailbox(rig.imap);
      mail.welcome = await deliver(postmarkWelcome());
      mail.goldstar = await deliver(goldstarWelcome());
      mail.unknown = await deliver(UNKNOWN_MESSAGE);
      browser = await launch(name);
      await writeSettings(await openSettingsPage(browser), apiSettings(server.url, TOKEN));
      mkdirSync(SHOTS, { recursive: true });
    }, 900_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('viewer: every link badged with its number and clicks, per message, header per message', async () => {
      const page = await browser.newPage();
      await page.setViewport(1400, 900);
      await login(page, rig);

      await openInViewer(page, mail.welcome.subject);
      expect(await waitForLabels(page, null, shown(welcome))).toEqual(shown(welcome));
      expect(await page.waitFor(panelStateIn, ['ready'], 20_000)).toBe('ready');
      expect(await templateLine(page)).toBe(`Template: ${welcome.templateName}`);
      await page.screenshot(resolve(SHOTS, `${name}-viewer-welcome.png`));

      // Next message: its own badges and name, none of the previous message's.
      await openInViewer(page, mail.goldstar.subject);
      expect(await waitForLabels(page, null, shown(goldstar))).toEqual(shown(goldstar));
      expect(await templateLine(page)).toBe(`Template: ${goldstar.templateName}`);

      // A message without data: no badges, no stale template name.
      await openInViewer(page, mail.unknown.subject);
      expect(await page.waitFor(panelStateIn, ['no-data'], 20_000)).toBe('no-data');
      expect(await waitForLabels(page, null, [])).toEqual([]);
      expect(await templateLine(page)).toBe('');

      // And back: the first message's badges and name again.
      await openInViewer(page, mail.welcome.subject);
      expect(await waitForLabels(page, null, shown(welcome))).toEqual(shown(welcome));
      expect(await page.waitFor(panelStateIn, ['ready'], 20_000)).toBe('ready');
      expect(await templateLine(page)).toBe(`Template: ${welcome.templateName}`);
      await page.close();
    });

    it('re-render: "Load Images" and an identical copy of the root keep every badge', async () => {
      const page = await browser.newPage();
      await page.setViewport(1400, 900);
      await login(page, rig);
      await openInViewer(page, mail.goldstar.subject);
      const want = shown(goldstar);
      expect(await waitForLabels(page, null, want)).toEqual(want);

      const before = await page.evaluateAsPage(
        (sel) => document.querySelector(sel)?.querySelectorAll('img[src^="http"]').length ?? -1,
        SOGO_BODY,
      );
      await loadImages(page);
      // SOGo fetched the message again and rendered a new root with remote images.
      await page.waitFor(
        (sel) =>
          (document.querySelector(sel)?.querySelectorAll('img[src^="http"]').length ?? 0) > 0,
        SOGO_BODY,
        20_000,
      );
      expect(before).toBe(0);
      expect(goldstar.hrefs.filter((h) => h.startsWith('tel:'))).toHaveLength(1);
      expect(
        await page.evaluateAsPage(
          (sel) => document.querySelector(sel)?.querySelectorAll('a[href^="tel:"]').length,
          SOGO_BODY,
        ),
      ).toBe(0);
      await new Promise((ok) => setTimeout(ok, 1_000));
      expect(await waitForLabels(page, null, want)).toEqual(want);

      await page.evaluateAsPage((sel) => {
        const root = document.querySelector(sel)!;
        root.replaceWith(root.cloneNode(true));
      }, SOGO_BODY);
      await new Promise((ok) => setTimeout(ok, 1_000));
      expect(await waitForLabels(page, null, want)).toEqual(want);
      expect(await templateLine(page)).toBe(`Template: ${goldstar.templateName}`);
      await page.screenshot(resolve(SHOTS, `${name}-rerendered-goldstar.png`));
      await page.close();
    });

    it('popup viewer: every link badged, header names the template', async () => {
      const page = await browser.newPage();
      await page.setViewport(900, 900);
      await login(page, rig);
      await openInPopup(page, rig, mail.welcome.uid, mail.welcome.subject);
      const want = shown(welcome);
      expect(await waitForLabels(page, null, want)).toEqual(want);
      expect(await page.waitFor(panelStateIn, ['ready'], 20_000)).toBe('ready');
      expect(await templateLine(page)).toBe(`Template: ${welcome.templateName}`);
      await page.screenshot(resolve(SHOTS, `${name}-popup-welcome.png`));
      await page.close();
    });
  });
}

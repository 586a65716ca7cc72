// @vitest-environment node
/**
 * Clickmap Lens in a real Horde 5 / IMP 6 (Debian php-horde-imp; setup.sh
 * runs here when the login page does not answer), in Chromium and Firefox.
 * Two campaigns are registered with the reference Click Map API and
 * delivered, with a third message the API does not know. IMP writes each
 * email into an iframe of its page (iframe.htmlMsgData); the lens must badge
 * every link there with its number and unique clicks, and name the right
 * template, in the preview pane, across message-to-message navigation
 * (including to and from a message without data), when the email is
 * re-rendered (IMP's "Show images"; the body replaced by an identical copy)
 * and in the full-page message view.
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
import { templateLine, waitForLabels } from '../rigs/badges.ts';
import {
  expectedLabelPrefixes,
  registerCampaign,
  type RegisteredCampaign,
} from '../rigs/campaign-api.ts';
import { UNKNOWN_MESSAGE } from '../rigs/unknown-message.ts';
import { ensureHordeRig, type HordeRig } from './rig.ts';
import {
  HORDE_FRAME,
  login,
  openFullView,
  openInPreview,
  openMailbox,
  showImages,
} from './session.ts';

const SHOTS = resolve(import.meta.dirname, '../../../test-results/horde');
const TOKEN = 'horde-e2e-token';
const RUN = Date.now().toString(36);

interface Delivered extends Campaign {
  uid: number;
}

/**
 * The labels the lens draws in IMP: IMP turns mailto: links into
 * javascript:void(window.open(…compose…)) (measured on the rig), so such a
 * link keeps its number but no row's count matches it ("—").
 */
const shown = (c: RegisteredCampaign) =>
  expectedLabelPrefixes(c).map((label, i) =>
    c.hrefs[i]!.startsWith('mailto:') ? `#${i + 1} —` : label,
  );
const firstWebLink = (c: RegisteredCampaign) => c.hrefs.find((h) => h.startsWith('https:'))!;

for (const name of BROWSERS) {
  describe(`Clickmap Lens in a real Horde IMP (${name})`, () => {
    let rig: HordeRig;
    let server: RunningServer;
    let browser: ExtensionBrowser;
    let welcome: RegisteredCampaign;
    let goldstar: RegisteredCampaign;
    const mail: Record<'welcome' | 'goldstar' | 'unknown', Delivered> = {} as never;

    beforeAll(async () => {
      rig = await ensureHordeRig();
      server = await startServer({ token: TOKEN });
      welcome = await registerCampaign(
        server,
        'horde-welcome',
        'Welcome (Horde test)',
        postmarkWelcome(),
      );
      goldstar = await registerCampaign(
        server,
        'horde-goldstar',
        'Goldstar welcome (Horde test)',
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

    it('preview pane: every link badged with its number and clicks, per message, header per message', async () => {
      const page = await browser.newPage();
      await page.setViewport(1400, 900);
      await login(page, rig);
      await openMailbox(page, rig);

      await openInPreview(page, mail.welcome.subject, firstWebLink(welcome));
      expect(await waitForLabels(page, HORDE_FRAME, shown(welcome))).toEqual(shown(welcome));
      expect(await page.waitFor(panelStateIn, ['ready'], 20_000)).toBe('ready');
      expect(await templateLine(page)).toBe(`Template: ${welcome.templateName}`);
      await page.screenshot(resolve(SHOTS, `${name}-preview-welcome.png`));

      await openInPreview(page, mail.goldstar.subject, firstWebLink(goldstar));
      expect(await waitForLabels(page, HORDE_FRAME, shown(goldstar))).toEqual(shown(goldstar));
      expect(await templateLine(page)).toBe(`Template: ${goldstar.templateName}`);

      await openInPreview(page, mail.unknown.subject, UNKNOWN_MESSAGE.href);
      expect(await page.waitFor(panelStateIn, ['no-data'], 20_000)).toBe('no-data');
      expect(await waitForLabels(page, HORDE_FRAME, [])).toEqual([]);
      expect(await templateLine(page)).toBe('');

      await openInPreview(page, mail.welcome.subject, firstWebLink(welcome));
      expect(await waitForLabels(page, HORDE_FRAME, shown(welcome))).toEqual(shown(welcome));
      expect(await page.waitFor(panelStateIn, ['ready'], 20_000)).toBe('ready');
      expect(await templateLine(page)).toBe(`Template: ${welcome.templateName}`);
      await page.close();
    });

    it('re-render: "Show images" and an identical copy of the body keep every badge', async () => {
      const page = await browser.newPage();
      await page.setViewport(1400, 900);
      await login(page, rig);
      await openMailbox(page, rig);
      await openInPreview(page, mail.goldstar.subject, firstWebLink(goldstar));
      const want = shown(goldstar);
      expect(await waitForLabels(page, HORDE_FRAME, want)).toEqual(want);

      expect(await showImages(page)).toBeGreaterThan(0);
      await new Promise((ok) => setTimeout(ok, 1_000));
      expect(await waitForLabels(page, HORDE_FRAME, want)).toEqual(want);

      await page.evaluateAsPage((sel) => {
        const doc = document.querySelector<HTMLIFrameElement>(sel)!.contentDocument!;
        doc.body.replaceWith(doc.body.cloneNode(true));
      }, HORDE_FRAME);
      await new Promise((ok) => setTimeout(ok, 1_000));
      expect(await waitForLabels(page, HORDE_FRAME, want)).toEqual(want);
      expect(await templateLine(page)).toBe(`Template: ${goldstar.templateName}`);
      await page.screenshot(resolve(SHOTS, `${name}-rerendered-goldstar.png`));
      await page.close();
    });

    it('full-page message view: every link badged, header names the template', async () => {
      const page = await browser.newPage();
      await page.setViewport(1000, 900);
      await login(page, rig);
      await openFullView(page, rig, mail.welcome.uid, firstWebLink(welcome));
      expect(await waitForLabels(page, HORDE_FRAME, shown(welcome))).toEqual(shown(welcome));
      expect(await page.waitFor(panelStateIn, ['ready'], 20_000)).toBe('ready');
      expect(await templateLine(page)).toBe(`Template: ${welcome.templateName}`);
      await page.screenshot(resolve(SHOTS, `${name}-window-welcome.png`));
      await page.close();
    });
  });
}

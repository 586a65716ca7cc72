// @vitest-environment node
/**
 * Real webmail e2e: Debian's Roundcube 1.6 (elastic) + Dovecot on 127.0.0.1
 * (setup.sh, run here when the login page does not answer). Delivers two real
 * campaign templates, opens them in the preview pane and full view in Debian
 * chromium, and pins down the DOM facts the extension's Roundcube detection
 * relies on. Screenshots go to test-results/roundcube/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldstarWelcome, hrefsOf, postmarkWelcome, type Campaign } from './campaigns.ts';
import { deliverHtmlEmail } from './deliver.ts';
import { ensureRig, type RigConfig } from './rig.ts';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  MESSAGE_BODY,
  PREVIEW_FRAME,
  login,
  openFullView,
  openInPreview,
} from './session.ts';

const SHOTS = resolve(import.meta.dirname, '../../../test-results/roundcube');
const RUN_TAG = Date.now().toString(36);

interface Delivered extends Campaign {
  uid: number;
}

/** What the extension sees of the rendered email body (runs in the page/frame). */
function readBody(bodySel: string) {
  const body = document.querySelector(bodySel);
  if (!body) return null;
  const anchors = [...body.querySelectorAll('a[href]')];
  return {
    className: body.className,
    rcmBodyCount: document.querySelectorAll('#messagebody .message-htmlpart .rcmBody').length,
    hrefs: anchors.map((a) => a.getAttribute('href')),
    webLinkTargets: [
      ...new Set(
        anchors
          .filter((a) => /^https?:/.test(a.getAttribute('href') ?? ''))
          .map((a) => `${a.getAttribute('target')}|${a.getAttribute('rel')}`),
      ),
    ],
    unprefixedClasses: [...body.querySelectorAll('[class]')]
      .flatMap((el) => [...el.classList])
      .filter((c) => !c.startsWith('v1')),
    prefixedClassCount: [...body.querySelectorAll('[class]')].flatMap((el) => [...el.classList])
      .length,
    ids: [...document.querySelectorAll('#messagebody [id]')].map((el) => el.id),
    imgSrcs: [...new Set([...body.querySelectorAll('img')].map((i) => i.getAttribute('src')))],
    remoteBlockedNoticeShown:
      (document.querySelector<HTMLElement>('#remote-objects-message')?.offsetParent ?? null) !==
      null,
  };
}

describe('Roundcube 1.6 real webmail rig', () => {
  let rig: RigConfig;
  let browser: Browser;
  let page: Page;
  let postmark: Delivered;
  let goldstar: Delivered;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (as root)`,
      );
    }
    rig = await ensureRig();
    const deliver = async (c: Campaign): Promise<Delivered> => {
      const subject = `${c.subject} [e2e ${RUN_TAG}]`;
      const { uid } = await deliverHtmlEmail({ ...c, subject });
      return { ...c, subject, uid };
    };
    postmark = await deliver(postmarkWelcome());
    goldstar = await deliver(goldstarWelcome());
    mkdirSync(SHOTS, { recursive: true });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await login(page, rig.url, rig.user, rig.pass);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function previewOf(c: Delivered): Promise<Frame> {
    const frame = await openInPreview(page, c.subject);
    await page.screenshot({ path: resolve(SHOTS, `${c.key}-preview.png`) });
    return frame;
  }

  it('preview pane: frame URL names the message, iframe src never changes', async () => {
    const frame = await previewOf(postmark);
    const url = new URL(frame.url());
    expect(url.searchParams.get('_action')).toBe('preview');
    expect(url.searchParams.get('_uid')).toBe(String(postmark.uid));
    expect(url.searchParams.get('_framed')).toBe('1');
    expect(await page.getAttribute(PREVIEW_FRAME, 'src')).toBe('skins/elastic/watermark.html');
    expect(frame.name()).toBe('messagecontframe');
  });

  it('preview pane (Postmark, body without class): div.rcmBody, hrefs kept in order, v1 classes', async () => {
    const frame = await previewOf(postmark);
    const body = await frame.evaluate(readBody, MESSAGE_BODY);
    expect(body).toMatchObject({
      className: 'rcmBody',
      rcmBodyCount: 1,
      hrefs: hrefsOf(postmark.html),
      webLinkTargets: ['_blank|noreferrer'],
      unprefixedClasses: [],
      ids: ['message-htmlpart1', 'message-htmlpart1'],
      imgSrcs: [],
      remoteBlockedNoticeShown: false,
    });
    expect(body?.hrefs).toHaveLength(5);
    expect(body?.prefixedClassCount).toBeGreaterThan(10);
  });

  it('preview pane (Goldstar, <body class="body">): body is div.v1body, no .rcmBody, images blocked', async () => {
    const frame = await previewOf(goldstar);
    const body = await frame.evaluate(readBody, MESSAGE_BODY);
    expect(body).toMatchObject({
      className: 'v1body',
      rcmBodyCount: 0,
      hrefs: hrefsOf(goldstar.html),
      webLinkTargets: ['_blank|noreferrer'],
      unprefixedClasses: [],
      ids: ['message-htmlpart1', 'message-htmlpart1'],
      imgSrcs: ['program/resources/blocked.gif'],
      remoteBlockedNoticeShown: true,
    });
    expect(body?.hrefs).toHaveLength(18);
  });

  it('full view: the body is in the top document, no preview iframe', async () => {
    const shown = await openFullView(page, goldstar.subject);
    await shown.screenshot({ path: resolve(SHOTS, `${goldstar.key}-full-view.png`) });
    const url = new URL(shown.url());
    expect(url.searchParams.get('_action')).toBe('show');
    expect(url.searchParams.get('_uid')).toBe(String(goldstar.uid));
    expect(await shown.$(PREVIEW_FRAME)).toBeNull();
    const body = await shown.evaluate(readBody, MESSAGE_BODY);
    expect(body).toMatchObject({
      className: 'v1body',
      hrefs: hrefsOf(goldstar.html),
      webLinkTargets: ['_blank|noreferrer'],
      unprefixedClasses: [],
      remoteBlockedNoticeShown: true,
    });
  });

  it('a message delivered after login is found (Refresh) and previewed', async () => {
    const late = postmarkWelcome();
    const subject = `${late.subject} [late ${RUN_TAG}]`;
    const { uid } = await deliverHtmlEmail({ ...late, subject });
    const frame = await openInPreview(page, subject);
    expect(new URL(frame.url()).searchParams.get('_uid')).toBe(String(uid));
    const body = await frame.evaluate(readBody, MESSAGE_BODY);
    expect(body?.hrefs).toEqual(hrefsOf(late.html));
  });

  it('full view (Postmark) after returning to the list', async () => {
    const shown = await openFullView(page, postmark.subject);
    await shown.screenshot({ path: resolve(SHOTS, `${postmark.key}-full-view.png`) });
    const body = await shown.evaluate(readBody, MESSAGE_BODY);
    expect(body?.className).toBe('rcmBody');
    expect(body?.hrefs).toEqual(hrefsOf(postmark.html));
  });
});

/**
 * Drives a real Roundcube 1.6 (elastic) session with playwright-core: log in,
 * open a message in the preview pane (iframe#messagecontframe) or full view.
 * Waits are on Roundcube's own state (rcmail.env in the page or frame), never
 * fixed sleeps.
 *
 * Measured on the rig: the preview iframe's `src` attribute stays
 * "skins/elastic/watermark.html" (read the frame's own URL / rcmail.env), and
 * the email <body> becomes `<div class="rcmBody">` only when the email's body
 * has no class: a body class wins (e.g. Goldstar's `class="body"` renders as
 * `div.v1body`). So the body is matched structurally, see MESSAGE_BODY.
 */
import type { ElementHandle, Frame, Page } from 'playwright-core';

/** The washed email <body>: the div child of the HTML part wrapper. */
export const MESSAGE_BODY = '#messagebody .message-htmlpart > div';
export const PREVIEW_FRAME = 'iframe#messagecontframe';

export { CHROMIUM_PATH as CHROMIUM } from '../../../scripts/browser-flags.ts';
/** Headless flags for this offline machine (no background connections). */
export { CHROMIUM_OFFLINE_ARGS as CHROMIUM_ARGS } from '../../../scripts/browser-flags.ts';

const LIST_TIMEOUT_MS = 20_000;

interface RcmailWindow {
  rcmail?: {
    task: string;
    busy: boolean;
    env: Record<string, unknown>;
    message_list?: { rows: Record<string, { uid: string; obj: HTMLElement }> };
    command(name: string): void;
  };
}

export async function login(page: Page, url: string, user: string, pass: string): Promise<void> {
  await page.goto(url);
  if (await page.$('#rcmloginuser')) {
    await page.fill('#rcmloginuser', user);
    await page.fill('#rcmloginpwd', pass);
    await page.click('#rcmloginsubmit');
  }
  // Either the mail list finished loading or Roundcube showed a login error.
  const outcome = await page.waitForFunction(
    () => {
      const rc = (window as RcmailWindow).rcmail;
      if (rc?.task === 'mail' && rc.message_list && !rc.busy) return 'ok';
      const error = document.querySelector('#messagestack .error');
      return error ? `error: ${error.textContent}` : null;
    },
    undefined,
    { timeout: LIST_TIMEOUT_MS },
  );
  const result = await outcome.jsonValue();
  if (result !== 'ok') throw new Error(`Roundcube login as ${user} failed (${result})`);
}

/** Returns the newest list row's uid and element id whose subject is `subject`. */
function findRowInList(subject: string): { uid: string; id: string } | null {
  const rows = (window as RcmailWindow).rcmail?.message_list?.rows ?? {};
  let best: { uid: string; id: string } | null = null;
  for (const row of Object.values(rows)) {
    const text = row.obj.querySelector('td.subject span.subject a')?.textContent?.trim();
    if (text === subject && (!best || Number(row.uid) > Number(best.uid))) {
      best = { uid: String(row.uid), id: row.obj.id };
    }
  }
  return best;
}

/**
 * Finds the message row; when the message arrived after the list was loaded,
 * asks Roundcube to check for new mail (its Refresh button) and waits for it.
 */
export async function findMessageRow(
  page: Page,
  subject: string,
): Promise<{ uid: string; id: string }> {
  const found = await page.evaluate(findRowInList, subject);
  if (found) return found;
  await page.evaluate(() => (window as RcmailWindow).rcmail?.command('checkmail'));
  try {
    const handle = await page.waitForFunction(findRowInList, subject, { timeout: LIST_TIMEOUT_MS });
    return (await handle.jsonValue()) as { uid: string; id: string };
  } catch (error) {
    throw new Error(`message "${subject}" is not in the Roundcube list`, { cause: error });
  }
}

export async function gotoInbox(page: Page): Promise<void> {
  const onList = await page.evaluate(() => {
    const rc = (window as RcmailWindow).rcmail;
    return rc?.task === 'mail' && !!rc.message_list;
  });
  if (onList) return;
  await page.goto(new URL('/?_task=mail&_mbox=INBOX', page.url()).href);
  await page.waitForFunction(() => {
    const rc = (window as RcmailWindow).rcmail;
    return rc?.message_list && !rc.busy;
  });
}

/** Clicks the message in the list; resolves with the preview iframe's Frame once its body is shown. */
export async function openInPreview(page: Page, subject: string): Promise<Frame> {
  await gotoInbox(page);
  const row = await findMessageRow(page, subject);
  // Roundcube counts two clicks on one row within 500 ms as a double click
  // (= full view), so a message already previewed is not clicked again.
  const alreadyShown = await page.evaluate(
    ({ uid, frameSel }) => {
      const win = document.querySelector<HTMLIFrameElement>(frameSel)?.contentWindow as
        (Window & RcmailWindow) | null | undefined;
      return win?.rcmail?.env.action === 'preview' && String(win.rcmail.env.uid) === uid;
    },
    { uid: row.uid, frameSel: PREVIEW_FRAME },
  );
  if (!alreadyShown) await page.click(`#${row.id} td.subject span.fromto`);
  await page.waitForFunction(
    ({ uid, frameSel, bodySel }) => {
      const win = document.querySelector<HTMLIFrameElement>(frameSel)?.contentWindow as
        (Window & RcmailWindow) | null | undefined;
      const env = win?.rcmail?.env;
      return (
        env?.action === 'preview' &&
        String(env.uid) === uid &&
        win?.document.readyState !== 'loading' &&
        !!win?.document.querySelector(bodySel)
      );
    },
    { uid: row.uid, frameSel: PREVIEW_FRAME, bodySel: MESSAGE_BODY },
    { timeout: LIST_TIMEOUT_MS },
  );
  const iframe = (await page.$(PREVIEW_FRAME)) as ElementHandle<HTMLIFrameElement>;
  const frame = await iframe.contentFrame();
  if (!frame) throw new Error('preview iframe has no content frame');
  return frame;
}

/** Opens the message in full view (double-click in the list, as a user does); resolves with the page. */
export async function openFullView(page: Page, subject: string): Promise<Page> {
  await gotoInbox(page);
  const row = await findMessageRow(page, subject);
  await page.dblclick(`#${row.id} td.subject span.fromto`);
  await page.waitForFunction(
    ({ uid, bodySel }) => {
      const env = (window as RcmailWindow).rcmail?.env;
      return (
        env?.action === 'show' &&
        String(env.uid) === uid &&
        document.readyState !== 'loading' &&
        !!document.querySelector(bodySel)
      );
    },
    { uid: row.uid, bodySel: MESSAGE_BODY },
    { timeout: LIST_TIMEOUT_MS },
  );
  return page;
}

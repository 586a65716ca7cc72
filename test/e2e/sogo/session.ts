/**
 * Drives a real SOGo 5.8 web UI through the e2e harness's TestPage (so the
 * same steps run in Chromium and Firefox): log in, open a message from the
 * list in the mail module's viewer, open it in the popup viewer, load its
 * images. Waits are on SOGo's own DOM (Angular renders the list rows with
 * the subject as aria-label and the viewer's subject with
 * ng-bind="viewer.message.subject"), never fixed sleeps.
 *
 * Measured on the rig: the message body is `div.mailer_htmlcontent`, which
 * also carries `SOGoHTMLMail-CSS-Delimiter` (in the main viewer and in the
 * popup), right after one merged, prefixed `<style>`; the popup is the same
 * Angular app at `<mail>/UIxMailPopupView#!/Mail/<account>/<folder>/<uid>`
 * (the URL viewer.openInPopup() opens).
 */
import type { TestPage } from '../harness/browsers.ts';
import type { SogoRig } from './rig.ts';

export const SOGO_BODY = 'div.mailer_htmlcontent';
const WAIT_MS = 30_000;

/** The mail module's base URL for the rig's user. */
export function mailUrl(rig: SogoRig): string {
  return `${rig.url}so/${encodeURIComponent(rig.user)}/Mail/`;
}

/** POST /SOGo/connect as SOGo's login form does (JSON), from the page so the session cookie is set. */
async function connect(creds: { url: string; userName: string; password: string }) {
  const response = await fetch(`${creds.url}connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      userName: creds.userName,
      password: creds.password,
      rememberLogin: 0,
    }),
    credentials: 'same-origin',
  });
  return response.status;
}

export async function login(page: TestPage, rig: SogoRig): Promise<void> {
  await page.goto(rig.url);
  const status = await page.evaluateAsPage(connect, {
    url: rig.url,
    userName: rig.user,
    password: rig.pass,
  });
  if (status !== 200) throw new Error(`SOGo login as ${rig.user} failed: HTTP ${status}`);
  await page.goto(`${mailUrl(rig)}view#!/Mail/0/INBOX`);
  await page.waitFor(
    () => document.querySelector('md-list-item.sg-message-list-item') !== null,
    undefined,
    WAIT_MS,
  );
}

/** The viewer shows `subject` and its HTML body (runs in the page). */
function viewerShows(subject: string): boolean {
  const heading = document.querySelector('[ng-bind="viewer.message.subject"]');
  return (
    heading?.textContent?.trim() === subject &&
    document.querySelector('div.mailer_htmlcontent') !== null
  );
}

/** Clicks the list row of `subject` (its button, as a user does); false when it is not listed. */
function clickRow(subject: string): boolean {
  const rows = [...document.querySelectorAll('md-list-item.sg-message-list-item')];
  const row = rows.find((r) => r.getAttribute('aria-label') === subject);
  const button = row?.querySelector<HTMLElement>('button');
  button?.click();
  return button !== undefined && button !== null;
}

/** Opens `subject` in the mail module's viewer by clicking its row in the message list. */
export async function openInViewer(page: TestPage, subject: string): Promise<void> {
  const clicked = await page.waitFor(clickRow, subject, WAIT_MS).catch(() => false);
  if (!clicked) throw new Error(`message "${subject}" is not in the SOGo list`);
  await page.waitFor(viewerShows, subject, WAIT_MS);
}

/** Opens message `uid` of INBOX in SOGo's popup viewer (the page viewer.openInPopup() opens). */
export async function openInPopup(page: TestPage, rig: SogoRig, uid: number, subject: string) {
  await page.goto(`${mailUrl(rig)}UIxMailPopupView#!/Mail/0/INBOX/${uid}`);
  await page.waitFor(viewerShows, subject, WAIT_MS);
}

/** SOGo's "Load Images" (the message is fetched again and its body re-rendered). */
export async function loadImages(page: TestPage): Promise<void> {
  const clicked = await page.evaluateAsPage(() => {
    const button = [
      ...document.querySelectorAll<HTMLElement>('button[aria-label="Load Images"]'),
    ].find((b) => b.offsetParent !== null);
    button?.click();
    return button !== undefined;
  }, undefined);
  if (!clicked) throw new Error('SOGo shows no "Load Images" button for this message');
}

/**
 * Drives a real Horde 5 / IMP 6 (dynamic view) through the e2e harness's
 * TestPage, so the same steps run in Chromium and Firefox: log in, click a
 * message in the list (preview pane), open it in its own window (the page a
 * double click opens), show its blocked images.
 *
 * Measured on the rig: IMP writes each HTML part into
 * `iframe.htmlMsgData[src="javascript:false"]` with document.write (a
 * same-origin about:blank document holding the whole email, <head> styles
 * included); blocked images get `htmlimgblocked="<original src>"` and a
 * spacer src; "Show images" (IMP_JS.unblockImages) restores them in place;
 * mailto: links become `javascript:void(window.open(…compose…))`.
 */
import type { TestPage } from '../harness/browsers.ts';
import type { HordeRig } from './rig.ts';

export const HORDE_FRAME = 'iframe.htmlMsgData';
/** INBOX as IMP names mailboxes in URLs (base64url). */
const INBOX = 'SU5CT1g';
const WAIT_MS = 30_000;

/** 'submitted', or 'session' when Horde skipped the form (this browser is logged in already). */
function submitLogin(creds: { user: string; pass: string }): 'submitted' | 'session' | 'no-form' {
  const user = document.getElementById('horde_user') as HTMLInputElement | null;
  const pass = document.getElementById('horde_pass') as HTMLInputElement | null;
  if (!user || !pass) return location.pathname.endsWith('/login.php') ? 'no-form' : 'session';
  user.value = creds.user;
  pass.value = creds.pass;
  document.getElementById('login-button')?.click();
  return 'submitted';
}

export async function login(page: TestPage, rig: HordeRig): Promise<void> {
  await page.goto(`${rig.url}login.php`);
  const step = await page.evaluateAsPage(submitLogin, { user: rig.user, pass: rig.pass });
  if (step === 'session') return;
  if (step === 'no-form') throw new Error('Horde login page has no #horde_user / #horde_pass');
  const landed = await page
    .waitFor(
      () => !location.pathname.endsWith('/login.php') && document.readyState === 'complete',
      undefined,
      WAIT_MS,
    )
    .catch(() => false);
  if (!landed) throw new Error(`Horde login as ${rig.user} failed (still on the login page)`);
}

/** The id of the list row whose subject is `subject` (runs in the page), else null. */
function rowId(subject: string): string | null {
  const rows = [...document.querySelectorAll('.vpRow.DragElt')];
  const row = rows.find((r) => r.querySelector('.msgSubject')?.textContent?.trim() === subject);
  return row?.id ?? null;
}

/** The preview's email frame holds a document whose links include `href` (runs in the page). */
function frameShows(href: string): boolean {
  const frames = [...document.querySelectorAll<HTMLIFrameElement>('iframe.htmlMsgData')];
  return frames.some((f) => {
    const doc = f.contentDocument;
    return (
      doc?.readyState === 'complete' &&
      [...doc.querySelectorAll('a[href]')].some((a) => a.getAttribute('href') === href)
    );
  });
}

export async function openMailbox(page: TestPage, rig: HordeRig): Promise<void> {
  await page.goto(`${rig.url}imp/dynamic.php?page=mailbox#mbox:${INBOX}`);
  await page.waitFor(() => document.querySelector('.vpRow.DragElt') !== null, undefined, WAIT_MS);
}

/** Clicks `subject` in the message list; resolves once the preview shows an email holding `href`. */
export async function openInPreview(page: TestPage, subject: string, href: string): Promise<void> {
  const id = await page.waitFor(rowId, subject, WAIT_MS).catch(() => null);
  if (!id) throw new Error(`message "${subject}" is not in the IMP list`);
  await page.click(`#${id}`);
  await page.waitFor(frameShows, href, WAIT_MS);
}

/**
 * Opens message `uid` of INBOX in IMP's full-page message view (basic view,
 * basic.php?page=message). The dynamic view's own message window
 * (dynamic.php?page=message, what a double click opens) fails on Debian 12's
 * PHP 8.2 before it shows anything ("ReflectionMethod::__construct():
 * Argument #2 ($method) cannot be null", Horde_Core_Ajax_Application_Handler::has).
 */
export async function openFullView(page: TestPage, rig: HordeRig, uid: number, href: string) {
  await page.goto(`${rig.url}imp/basic.php?page=message&buid=${uid}&mailbox=${INBOX}`);
  await page.waitFor(frameShows, href, WAIT_MS);
}

/** IMP's "Show images" link above a part with blocked images (restores them in the same document). */
export async function showImages(page: TestPage): Promise<number> {
  const blocked = await page.evaluateAsPage(
    (sel) =>
      document
        .querySelector<HTMLIFrameElement>(sel)
        ?.contentDocument?.querySelectorAll('[htmlimgblocked]').length ?? 0,
    HORDE_FRAME,
  );
  await page.click('.mimeStatusMessageTable .unblockImageLink');
  await page.waitFor(
    (sel) =>
      (document
        .querySelector<HTMLIFrameElement>(sel)
        ?.contentDocument?.querySelectorAll('[htmlimgblocked]').length ?? 1) === 0,
    HORDE_FRAME,
    WAIT_MS,
  );
  return blocked;
}

/**
 * Captures REAL SOGo and Horde IMP pages from the rigs as detection fixtures:
 * test/fixtures/sites/sogo-real/ and horde-real/, each with the .eml
 * delivered, a samples.json (read by test/fixtures/sites/samples.ts with the
 * generated samples: expected profile, frame, and the hrefs the email root
 * holds as the webmail rendered them) and PROVENANCE.md. Empties each rig's
 * INBOX first. Nothing is edited by hand.
 *
 *   node test/e2e/rigs/capture.ts        (as root; runs the setup scripts if needed)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import * as prettier from 'prettier';
import { ensureHordeRig, type HordeRig } from '../horde/rig.ts';
import { postmarkWelcome, type Campaign } from '../roundcube/campaigns.ts';
import { deliverHtmlEmail } from '../roundcube/deliver.ts';
import { emptyMailbox } from '../roundcube/imap.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../roundcube/session.ts';
import { ensureSogoRig, type SogoRig } from '../sogo/rig.ts';

const SITES = resolve(import.meta.dirname, '../../fixtures/sites');
const version = (pkg: string) =>
  execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });

interface Captured {
  file: string;
  expect: string | null;
  frame: { isTop: boolean; url: string; origin: string };
  templates: string[];
  hrefs: string[][];
  uiLinks: string[];
}

async function writeFolder(dir: string, samples: Captured[], provenance: string[]) {
  const path = resolve(dir, 'PROVENANCE.md');
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(
    path,
    await prettier.format(provenance.join('\n'), { ...options, parser: 'markdown' }),
  );
  const json = resolve(dir, 'samples.json');
  writeFileSync(
    json,
    await prettier.format(`${JSON.stringify(samples)}`, { ...options, parser: 'json' }),
  );
}

const rootHrefs = (page: Page | Frame, sel: string) =>
  page.evaluate(
    (s) =>
      [...(document.querySelector(s)?.querySelectorAll('a[href]') ?? [])].map(
        (a) => a.getAttribute('href') ?? '',
      ),
    sel,
  );

async function captureSogo(
  page: Page,
  rig: SogoRig,
  c: Campaign,
  uid: number,
): Promise<Captured[]> {
  const dir = resolve(SITES, 'sogo-real');
  mkdirSync(dir, { recursive: true });
  await page.goto(rig.url);
  await page.fill('input[ng-model="app.creds.username"]', rig.user);
  await page.fill('#passwordField', rig.pass);
  await page.click('button[type=submit]');
  const row = `md-list-item.sg-message-list-item[aria-label="${c.subject}"] button`;
  await page.waitForSelector(row, { timeout: 30_000 });
  await page.click(row);
  await page.waitForSelector('div.mailer_htmlcontent a[href]');
  const origin = new URL(rig.url).origin;
  const viewer: Captured = {
    file: 'sogo-real/viewer.html',
    expect: 'sogo',
    frame: { isTop: true, url: page.url(), origin },
    templates: [c.template],
    hrefs: [await rootHrefs(page, 'div.mailer_htmlcontent')],
    uiLinks: [],
  };
  writeFileSync(resolve(SITES, viewer.file), await page.content());
  await page.goto(
    `${rig.url}so/${encodeURIComponent(rig.user)}/Mail/UIxMailPopupView#!/Mail/0/INBOX/${uid}`,
  );
  await page.waitForSelector('div.mailer_htmlcontent a[href]');
  const popup: Captured = {
    ...viewer,
    file: 'sogo-real/popup.html',
    frame: { isTop: true, url: page.url(), origin },
  };
  writeFileSync(resolve(SITES, popup.file), await page.content());
  return [viewer, popup];
}

async function captureHorde(
  page: Page,
  rig: HordeRig,
  c: Campaign,
  uid: number,
): Promise<Captured[]> {
  const dir = resolve(SITES, 'horde-real');
  mkdirSync(dir, { recursive: true });
  await page.goto(`${rig.url}login.php`);
  await page.fill('#horde_user', rig.user);
  await page.fill('#horde_pass', rig.pass);
  await page.click('#login-button');
  await page.waitForURL((u) => !u.pathname.endsWith('/login.php'));
  await page.goto(`${rig.url}imp/dynamic.php?page=mailbox#mbox:SU5CT1g`);
  await page.click(`.vpRow.DragElt:has-text(${JSON.stringify(c.subject)})`);
  await page.waitForSelector('iframe.htmlMsgData');
  const origin = new URL(rig.url).origin;
  const frameOf = async () => {
    const handle = await page.waitForSelector('iframe.htmlMsgData');
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector('a[href]');
    return frame;
  };
  let frame = await frameOf();
  const preview: Captured = {
    file: 'horde-real/preview-frame.html',
    expect: 'horde',
    // IMP's frame is src="javascript:false" written with document.write: an about:blank document of the page's origin.
    frame: { isTop: false, url: 'about:blank', origin },
    templates: [c.template],
    hrefs: [await rootHrefs(frame, 'body')],
    uiLinks: [],
  };
  writeFileSync(resolve(SITES, preview.file), await frame.content());
  const top: Captured = {
    file: 'horde-real/mailbox-top.html',
    expect: null,
    frame: { isTop: true, url: page.url(), origin },
    templates: [],
    hrefs: [],
    uiLinks: [],
  };
  writeFileSync(resolve(SITES, top.file), await page.content());
  await page.goto(`${rig.url}imp/basic.php?page=message&buid=${uid}&mailbox=SU5CT1g`);
  frame = await frameOf();
  const full: Captured = { ...preview, file: 'horde-real/full-view-frame.html' };
  writeFileSync(resolve(SITES, full.file), await frame.content());
  return [preview, top, full];
}

function provenance(
  name: string,
  how: string[],
  samples: Captured[],
  pkgs: string[],
  browser: string,
) {
  return [
    `# Real ${name} pages (detection fixtures)`,
    '',
    `Captured ${new Date().toISOString()} by \`node test/e2e/rigs/capture.ts\` from this repo's rig, driven by`,
    `headless ${browser} via playwright-core. Nothing was edited by hand. The email is`,
    '`postmark-basic-full-welcome.html` with its merge tags filled (`test/e2e/roundcube/campaigns.ts`),',
    'delivered by IMAP APPEND as multipart/alternative (`delivered.eml`).',
    '',
    '## Versions (dpkg)',
    '',
    ...pkgs.map((p) => `- ${p} ${version(p)}`),
    '',
    '## How',
    '',
    ...how,
    '',
    '## Files (samples.json holds each page’s frame and the hrefs its email root holds)',
    '',
    ...samples.map(
      (s) =>
        `- \`${s.file.split('/')[1]}\`: expect ${s.expect ?? 'no profile'}, ${s.frame.isTop ? 'top' : 'child frame'} \`${s.frame.url}\``,
    ),
    '',
  ];
}

async function main(): Promise<void> {
  const [sogo, horde] = [await ensureSogoRig(), await ensureHordeRig()];
  const campaign = postmarkWelcome();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    for (const [rig, name] of [
      [sogo, 'sogo'],
      [horde, 'horde'],
    ] as const) {
      await emptyMailbox(rig.imap);
      const { uid, raw } = await deliverHtmlEmail({ ...campaign, account: rig.imap });
      mkdirSync(resolve(SITES, `${name}-real`), { recursive: true });
      writeFileSync(resolve(SITES, `${name}-real/delivered.eml`), raw);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      if (name === 'sogo') {
        const samples = await captureSogo(page, sogo, campaign, uid);
        await writeFolder(
          resolve(SITES, 'sogo-real'),
          samples,
          provenance(
            'SOGo',
            [
              '1. Logged in through the login form; clicked the message in the list; saved `page.content()` once',
              '   the viewer showed `div.mailer_htmlcontent` (`viewer.html`).',
              '2. Opened the popup viewer (`<mail>/UIxMailPopupView#!/Mail/0/INBOX/<uid>`, the URL',
              '   `viewer.openInPopup()` opens) and saved it (`popup.html`).',
            ],
            samples,
            ['sogo', 'dovecot-core', 'nginx', 'postgresql', 'memcached'],
            `Chromium ${browser.version()}`,
          ),
        );
      } else {
        const samples = await captureHorde(page, horde, campaign, uid);
        await writeFolder(
          resolve(SITES, 'horde-real'),
          samples,
          provenance(
            'Horde IMP',
            [
              "1. Logged in through the login form; opened the dynamic view's INBOX; clicked the message;",
              "   saved the email iframe's document (`iframe.htmlMsgData`, `preview-frame.html`) and the top page",
              '   (`mailbox-top.html`, which must match no profile: the email is in the frame).',
              '2. Opened the full-page message view (`imp/basic.php?page=message`) and saved its email',
              "   iframe's document (`full-view-frame.html`).",
              '',
              'Rig settings that shape these pages: inline HTML display on (`mime_drivers.local.php`; IMP ships it',
              'off), remote images blocked (IMP default: `htmlimgblocked` attributes, spacer src).',
            ],
            samples,
            ['php-horde', 'php-horde-imp', 'dovecot-core', 'nginx'],
            `Chromium ${browser.version()}`,
          ),
        );
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

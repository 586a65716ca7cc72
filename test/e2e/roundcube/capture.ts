/**
 * Captures REAL Roundcube pages as detection fixtures into
 * test/fixtures/sites/roundcube-real/: for each campaign the preview frame's
 * document, the top page while previewing, the full-view page, and the .eml
 * delivered; plus PROVENANCE.md with package versions and how it was made.
 * Empties the rig's INBOX first so the list shows exactly these messages.
 *
 *   node test/e2e/roundcube/capture.ts        (as root; runs setup.sh if needed)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { CAMPAIGNS, hrefsOf, type Campaign } from './campaigns.ts';
import { deliverHtmlEmail, emptyRigInbox } from './deliver.ts';
import { ensureRig } from './rig.ts';
import { CHROMIUM, CHROMIUM_ARGS, login, openFullView, openInPreview } from './session.ts';

const OUT = resolve(import.meta.dirname, '../../fixtures/sites/roundcube-real');

function debVersion(pkg: string): string {
  return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
}

interface Captured {
  campaign: Campaign;
  uid: number;
  files: string[];
}

function provenance(captured: Captured[], chromiumVersion: string): string {
  const phpFpm = execFileSync(
    'dpkg-query',
    ['-W', '-f=${db:Status-Status} ${Package}\n', 'php*-fpm'],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter((l) => l.startsWith('installed '))
    .map((l) => l.slice('installed '.length));
  const pkgs = [
    'roundcube-core',
    'roundcube-sqlite3',
    'dovecot-core',
    'dovecot-imapd',
    'nginx',
    ...phpFpm,
  ];
  const lines = [
    '# Real Roundcube pages (detection fixtures)',
    '',
    `Captured ${new Date().toISOString()} by \`node test/e2e/roundcube/capture.ts\` from a live`,
    "Debian 12 Roundcube (elastic skin) served by this repo's rig (`test/e2e/roundcube/setup.sh`:",
    'Dovecot IMAP 127.0.0.1:10143, nginx + php-fpm on http://127.0.0.1:8089/), driven by',
    `headless ${chromiumVersion} via playwright-core. Nothing was edited by hand.`,
    '',
    '## Versions (dpkg)',
    '',
    ...pkgs.map((p) => `- ${p} ${debVersion(p)}`),
    '',
    '## How',
    '',
    '1. INBOX emptied, then each campaign delivered by IMAP APPEND (`deliver.ts`): multipart/alternative',
    '   (text + HTML, base64), List-Unsubscribe + List-Unsubscribe-Post headers. HTML = corpus template',
    '   (shared/corpus/templates) with merge tags / `#` placeholders replaced by real-looking URLs (`campaigns.ts`).',
    '2. Logged in; clicked the message in the list; when the preview iframe showed the body, saved',
    '   `frame.content()` (`*.preview-frame.html`) and `page.content()` (`*.preview-top.html`).',
    '3. Double-clicked it in the list (full view, `_action=show`), saved `page.content()` (`*.full-view.html`).',
    '',
    '## DOM facts visible in these files',
    '',
    '- Preview: `iframe#messagecontframe[name=messagecontframe]` keeps `src="skins/elastic/watermark.html"`;',
    '  its document URL is `?_task=mail&_caps=…&_uid=N&_mbox=INBOX&_framed=1&_action=preview`.',
    '- Full view: `?_task=mail&_caps=…&_uid=N&_mbox=INBOX&_action=show`, body in the top document.',
    '- Body = `#messagebody > div.message-htmlpart#message-htmlpart1 > div` (same id repeated). It is',
    '  `div.rcmBody` only when the email <body> has no class: Goldstar\'s `<body class="body">` becomes',
    '  `div.v1body` and there is no `.rcmBody` at all. Email CSS is scoped to `#message-htmlpart1 div.rcmBody`.',
    '- Email classes are prefixed `v1`; web links get `target="_blank" rel="noreferrer"`; mailto links get',
    '  `rel="noreferrer"` + `onclick="return rcmail.command(\'compose\',…)"` and no target.',
    '- Remote images are blocked (default): `<img src="program/resources/blocked.gif">`, notice',
    '  `#remote-objects-message` shown with an "Allow" button.',
    '',
    'Pages hold a throwaway local session `request_token`; it is meaningless outside the rig.',
    '',
    '## Files',
    '',
  ];
  for (const c of captured) {
    lines.push(
      `### ${c.campaign.key} (uid ${c.uid}): "${c.campaign.subject}" from ${c.campaign.template}`,
      '',
      ...c.files.map((f) => `- ${f}`),
      '',
      'Delivered hrefs, in document order (Roundcube keeps them; sets target="_blank" rel="noreferrer"):',
      '',
      ...hrefsOf(c.campaign.html).map((h, i) => `${i + 1}. \`${h}\``),
      '',
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const rig = await ensureRig();
  mkdirSync(OUT, { recursive: true });
  await emptyRigInbox();
  const delivered: { campaign: Campaign; uid: number; raw: string }[] = [];
  for (const make of Object.values(CAMPAIGNS)) {
    const campaign = make();
    const { uid, raw } = await deliverHtmlEmail(campaign);
    delivered.push({ campaign, uid, raw });
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const captured: Captured[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await login(page, rig.url, rig.user, rig.pass);
    for (const { campaign, uid, raw } of delivered) {
      const save = (suffix: string, text: string): string => {
        const name = `${campaign.key}.${suffix}`;
        writeFileSync(resolve(OUT, name), text);
        return name;
      };
      const files = [save('eml', raw)];
      const frame = await openInPreview(page, campaign.subject);
      files.push(save('preview-frame.html', await frame.content()));
      files.push(save('preview-top.html', await page.content()));
      await openFullView(page, campaign.subject);
      files.push(save('full-view.html', await page.content()));
      captured.push({ campaign, uid, files });
    }
    // Formatted like the repo's own Markdown so `prettier --check .` stays green.
    const md = provenance(captured, `Chromium ${browser.version()}`);
    const provenancePath = resolve(OUT, 'PROVENANCE.md');
    const options = (await prettier.resolveConfig(provenancePath)) ?? {};
    writeFileSync(provenancePath, await prettier.format(md, { ...options, parser: 'markdown' }));
  } finally {
    await browser.close();
  }
  console.log(`captured ${captured.length} campaigns into ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

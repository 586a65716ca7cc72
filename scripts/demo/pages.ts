/**
 * Demo pages for `npm run demo`, built from real templates in
 * ../shared/corpus/templates: an ESP template preview (iframe srcdoc) of
 * every demo template and of the sales sequence's step, a preview of an
 * email no campaign sent (the panel's empty state), a webmail with a
 * Roundcube-style preview pane, and a view-in-browser page. An unknown
 * template is a 404, never another template's preview. Served on 127.0.0.1 only.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { corpusDir, DEMO_TEMPLATES, SEQUENCE_TEMPLATE } from '../../server/demo-data.ts';

const esc = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A real template no demo campaign sent: its preview has no report (the empty state). */
export const UNSENT_TEMPLATE = {
  id: 'unsent-draft',
  file: 'mailgun-billing-inlined.html',
  name: 'Unsent draft (Mailgun)',
};

/** Every template the demo ESP previews: the campaigns', the sequence step's, and one never sent. */
const PREVIEWABLE: readonly { id: string; file: string; name: string }[] = [
  ...DEMO_TEMPLATES,
  SEQUENCE_TEMPLATE,
  UNSENT_TEMPLATE,
];

function template(id: string): { name: string; html: string } | null {
  const t = PREVIEWABLE.find((d) => d.id === id);
  return t ? { name: t.name, html: readFileSync(`${corpusDir()}/${t.file}`, 'utf8') } : null;
}

const shell = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{margin:0;font:14px system-ui,sans-serif;display:grid;grid-template-columns:220px 1fr;min-height:100vh}
nav{background:#1f2430;color:#dfe3ea;padding:16px}nav a{color:#dfe3ea;display:block;padding:4px 0}
main{padding:16px 24px}iframe{border:1px solid #ccd;width:680px;height:1200px;background:#fff}
h1{font-size:18px}</style></head><body>${body}</body></html>`;

function nav(): string {
  const links = PREVIEWABLE.map((t) => `<a href="/esp/${t.id}">${esc(t.name)}</a>`).join('');
  return `<nav><strong>Demo ESP</strong><p>Templates</p>${links}<p>Elsewhere</p>
<a href="/webmail/">Webmail (Roundcube-style)</a><a href="/archive/digest">View in browser</a></nav>`;
}

/** An ESP's template editor preview: the email in a srcdoc iframe, as most ESPs do. */
function espPage(id: string): string | null {
  const found = template(id);
  if (!found) return null;
  const { name, html } = found;
  return shell(
    `${name} – Demo ESP`,
    `${nav()}<main><h1>Template preview: ${esc(name)}</h1>
<iframe id="preview" title="Email preview" srcdoc="${esc(html)}"></iframe></main>`,
  );
}

/** Roundcube's layout: the message in iframe#messagecontframe, body in #messagebody .message-htmlpart .rcmBody. */
function webmailPage(): string {
  return shell(
    'Inbox – Demo webmail',
    `${nav()}<main><h1>Inbox</h1><table id="messagelist"><tr><td>Lens Demo</td>
<td>The HTML email digest</td></tr></table>
<iframe id="messagecontframe" name="messagecontframe" src="/webmail/message"></iframe></main>`,
  );
}

function webmailMessage(): string {
  const { html } = template('newsletter')!;
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  // Roundcube keeps hrefs but opens links in a new tab without referrer.
  const washed = body.replace(/<a /g, '<a target="_blank" rel="noreferrer" ');
  return `<!doctype html><html><head><meta charset="utf-8"><title>The HTML email digest</title></head>
<body><div id="message-header"><h2 class="subject">The HTML email digest</h2>
<span class="from">Lens Demo &lt;news@demo.clickmap-lens.dev&gt;</span></div>
<div id="messagebody"><div class="message-htmlpart" id="message-htmlpart1"><div class="rcmBody">${washed}</div></div></div></body></html>`;
}

export function route(path: string): string | null {
  if (path === '/') return espPage(DEMO_TEMPLATES[0].id);
  const esp = /^\/esp\/([\w-]+)$/.exec(path);
  if (esp) return espPage(esp[1]!);
  if (path === '/webmail/') return webmailPage();
  if (path === '/webmail/message') return webmailMessage();
  const archive = /^\/archive\/([\w-]+)$/.exec(path);
  if (archive) return template(archive[1]!)?.html ?? null;
  return null;
}

export async function startDemoPages(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const html = route(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

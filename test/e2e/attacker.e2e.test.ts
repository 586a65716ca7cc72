/**
 * The trust boundary, attacked as a web page would, in real Chromium and
 * Firefox (issue 11's "attacker page"):
 * 1. An email-like iframe on a host the user did not enable ("localhost"
 *    here; the lens is enabled on "127.0.0.1" only): no content script runs
 *    there, nothing of ours appears, and no request reaches the API.
 * 2. The same unrelated links on an enabled host, with a template on the API
 *    whose only placement is a merge tag (weak evidence that used to match
 *    any one link): the API is asked, nothing matches, the panel says so,
 *    and no report shows.
 * 3. A genuine preview on the enabled host: the report shows (read with the
 *    extension's privileges), yet nothing of it is readable by the page: not
 *    in its DOM, not in open shadow roots (ours are closed), not in any file
 *    of the extension the page could load by URL.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.ts';
import { registerTemplate } from './harness/api.ts';
import { BUILDS, launch, type ExtensionBrowser, type TestPage } from './harness/browsers.ts';
import { apiSettings, openSettingsPage, writeSettings } from './harness/configure.ts';
import { readPanel } from './harness/overlay-dom.ts';
import { BROWSERS, SETTLED } from './harness/overlay-fixture.ts';
import { startStaticServer, type StaticServer } from './harness/static-server.ts';

const TOKEN = 'e2e-attacker-token';
/** Names only the report knows: they must never be readable by the page. */
const SECRET_TEMPLATE = 'Zebra-Quartz merge-tag template';
const GENUINE_TEMPLATE = 'Zebra-Quartz welcome series';
const WELCOME = '/corpus/templates/postmark-basic-full-welcome.html';

/** A pass-through proxy in front of the API that records every request the extension makes. */
async function countingProxy(
  target: string,
): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** Everything a page script can read: text, attributes, open shadow roots, same-origin frames. */
function pageReadable(): { text: string; ourHosts: number; openRoots: number } {
  const out: string[] = [document.title];
  let ourHosts = 0;
  let openRoots = 0;
  const visit = (root: Document | ShadowRoot) => {
    out.push(root instanceof Document ? (root.documentElement?.textContent ?? '') : '');
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('clickmap-lens')) ourHosts++;
      for (const attr of el.attributes) out.push(attr.name, attr.value);
      if (!(root instanceof Document)) out.push(el.textContent ?? '');
      const open = el.shadowRoot;
      if (open) {
        openRoots++;
        visit(open);
      }
      if (el instanceof HTMLIFrameElement) {
        try {
          if (el.contentDocument) visit(el.contentDocument);
        } catch {
          // a cross-origin frame: not readable by this page either
        }
      }
    }
  };
  visit(document);
  return { text: out.join('\n'), ourHosts, openRoots };
}

/** Which of these extension URLs the page can load (fetch it, or run it as a <script>). */
async function loadableByPage(urls: string[]): Promise<string[]> {
  const loads = async (url: string) => {
    const fetched = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (fetched) return true;
    return new Promise<boolean>((ok) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => ok(true);
      script.onerror = () => ok(false);
      document.head.append(script);
      setTimeout(() => ok(false), 3_000);
    });
  };
  const results = await Promise.all(urls.map(loads));
  return urls.filter((_, i) => results[i]);
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

for (const name of BROWSERS) {
  describe(`attacker pages (${name})`, () => {
    let api: RunningServer;
    let proxy: Awaited<ReturnType<typeof countingProxy>>;
    let pages: StaticServer;
    let browser: ExtensionBrowser;

    beforeAll(async () => {
      [api, pages, browser] = await Promise.all([
        startServer({ token: TOKEN }),
        startStaticServer(),
        launch(name, { sites: ['127.0.0.1'] }),
      ]);
      proxy = await countingProxy(api.url);
      // The weak-evidence bait: a template whose only link is a merge tag.
      await registerTemplate(api, {
        id: 'zq-secret',
        name: SECRET_TEMPLATE,
        html: '<html><body><p>Hello</p><a href="{{action_url}}">Confirm</a></body></html>',
        clicks: { L0: 'https://example.com/confirm' },
      });
      // A genuine template, shown in step 3.
      await registerTemplate(api, {
        id: 'zq-welcome',
        name: GENUINE_TEMPLATE,
        html: readFileSync(
          resolve(import.meta.dirname, '../../../shared', WELCOME.slice(1)),
          'utf8',
        ),
        clicks: {},
      });
      await writeSettings(await openSettingsPage(browser), apiSettings(proxy.url, TOKEN));
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await Promise.all([pages?.close(), proxy?.close(), api?.close()]);
    });

    const open = async (origin: string, src: string): Promise<TestPage> => {
      const page = await browser.newPage();
      await page.setViewport(1400, 900);
      await page.goto(`${origin}/pages/esp-preview.html?src=${encodeURIComponent(src)}`);
      await page.waitFor(
        () => document.documentElement.dataset.previewLoaded === 'true',
        undefined,
      );
      return page;
    };

    it('a host that is not enabled: no content script, nothing drawn, no API request', async () => {
      const notEnabled = pages.origin.replace('127.0.0.1', 'localhost');
      const before = proxy.seen.length;
      const page = await open(notEnabled, '/pages/attacker-email.html');
      // Long enough for detection, the panel chunk and a match request (each well under 1 s).
      await new Promise((ok) => setTimeout(ok, 3_000));
      const seen = await page.evaluateAsPage(pageReadable, undefined);
      expect(seen.ourHosts).toBe(0);
      expect(proxy.seen.slice(before)).toEqual([]);
      await page.close();
    });

    it('unrelated links on an enabled host: asked, nothing matches, no report', async () => {
      const before = proxy.seen.length;
      const page = await open(pages.origin, '/pages/attacker-email.html');
      const state = await page.waitFor(
        (states: string[]) => {
          const panel = document
            .querySelector('clickmap-lens-ui')
            ?.shadowRoot?.querySelector('.cml-panel');
          const s = panel?.getAttribute('data-state') ?? '';
          return states.includes(s) ? s : null;
        },
        SETTLED,
        20_000,
      );
      const panel = await page.evaluate(readPanel, undefined);
      expect(proxy.seen.slice(before).some((r) => r.startsWith('POST /v1/match'))).toBe(true);
      expect({ state, template: panel?.template ?? '' }).toEqual({
        state: 'no-data',
        template: '',
      });
      expect(panel?.message).toMatch(/no campaign matched/i);
      const seen = await page.evaluateAsPage(pageReadable, undefined);
      expect(seen.text).not.toContain('Zebra-Quartz');
      await page.close();
    });

    it('a genuine preview: the report shows, but the page reads nothing of it', async () => {
      const page = await open(pages.origin, WELCOME);
      const ready = await page.waitFor(
        () =>
          document
            .querySelector('clickmap-lens-ui')
            ?.shadowRoot?.querySelector('.cml-panel[data-state="ready"] .cml-template')
            ?.textContent ?? null,
        undefined,
        20_000,
      );
      expect(ready).toContain(GENUINE_TEMPLATE);
      // What the user sees (extension privileges): the report of the genuine template.
      expect((await page.evaluate(readPanel, undefined))?.template).toBe(
        `Template: ${GENUINE_TEMPLATE}`,
      );

      // What the page sees: our hosts, no open root, no report name anywhere.
      const seen = await page.evaluateAsPage(pageReadable, undefined);
      expect(seen.ourHosts).toBeGreaterThan(0);
      expect(seen.openRoots).toBe(0);
      expect(seen.text).not.toContain('Zebra-Quartz');
      expect(seen.text).not.toContain(GENUINE_TEMPLATE);

      // No file of the extension is loadable by the page at its fixed URL.
      const files = filesOf(BUILDS[name]).map((f) => relative(BUILDS[name], f));
      expect(files).toEqual(
        expect.arrayContaining(['panel-chunk.js', 'preview-chunk.js', 'chart.js']),
      );
      const urls = files.map((f) => `${browser.extensionOrigin}${f}`);
      expect(await page.evaluateAsPage(loadableByPage, urls)).toEqual([]);
      await page.close();
    });
  });
}

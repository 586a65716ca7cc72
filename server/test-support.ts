/**
 * Helpers of the server's tests: a real server on a temporary database file,
 * authenticated JSON calls, and a small catalog (one template from the
 * corpus, two versions, two campaigns) registered through the API.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Campaign, TemplateVersion } from '../utils/report/model.ts';
import { corpusDir } from './demo-data.ts';
import type { RunningServer, StartOptions } from './start.ts';
import { startServer } from './start.ts';

export const TOKEN = 'test-token-0123456789';
export const T0 = Date.UTC(2026, 9, 5);

export interface TestServer extends RunningServer {
  dir: string;
  db: string;
  call(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export async function startTestServer(
  options: StartOptions = {},
  dir = mkdtempSync(join(tmpdir(), 'clickmap-')),
): Promise<TestServer> {
  const db = join(dir, 'clickmap.sqlite');
  const server = await startServer({ db, token: TOKEN, port: 0, ...options });
  const call = (path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${TOKEN}`);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    return fetch(`${server.url}${path}`, {
      ...init,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
  };
  return { ...server, dir, db, call };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const templateHtml = (): string =>
  readFileSync(join(corpusDir(), 'postmark-basic-full-welcome.html'), 'utf8');

/** Registers template "welcome" with versions v1/v2 and campaigns c1 (v1) and c2 (v2) over HTTP. */
export async function registerCatalog(
  server: TestServer,
): Promise<{ versions: TemplateVersion[]; campaigns: Campaign[] }> {
  const ok = async (response: Promise<Response>): Promise<unknown> => {
    const r = await response;
    if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
    return r.json();
  };
  await ok(
    server.call('/v1/templates', { method: 'POST', json: { id: 'welcome', name: 'Welcome' } }),
  );
  const html = templateHtml();
  const v1 = (await ok(
    server.call('/v1/templates/welcome/versions', {
      method: 'POST',
      json: { id: 'v1', html, createdAt: T0, subject: 'Welcome to {{product_name}}, {{name}}!' },
    }),
  )) as TemplateVersion;
  const v2 = (await ok(
    server.call('/v1/templates/welcome/versions', {
      method: 'POST',
      json: {
        id: 'v2',
        html: html.replace('https://example.com', 'https://example.com/v2'),
        createdAt: T0 + 10 * 86_400_000,
      },
    }),
  )) as TemplateVersion;
  const campaigns: Campaign[] = [
    { id: 'c1', templateId: 'welcome', versionId: 'v1', name: 'Welcome 1', sentAt: T0 },
    {
      id: 'c2',
      templateId: 'welcome',
      versionId: 'v2',
      name: 'Welcome 2',
      sentAt: T0 + 10 * 86_400_000,
    },
  ];
  for (const c of campaigns)
    await ok(
      server.call('/v1/campaigns', {
        method: 'POST',
        json: { ...c, sender: 'News <news@example.com>' },
      }),
    );
  return { versions: [v1, v2], campaigns };
}

/**
 * A static file server on 127.0.0.1 (random port) for e2e pages: /pages/* from
 * test/e2e/pages, /corpus/* from ../shared/corpus (real templates). Paths are
 * confined to those roots. /slow/<ms>/<path> answers /<path> after <ms>
 * milliseconds (a slow image server: resources that load or fail late).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');
const ROOTS: Record<string, string> = {
  pages: join(REPO, 'test/e2e/pages'),
  corpus: resolve(REPO, '../shared/corpus'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

function fileFor(urlPath: string): string | null {
  const [, rootName, ...rest] = decodeURIComponent(urlPath).split('/');
  const root = rootName ? ROOTS[rootName] : undefined;
  if (!root) return null;
  const file = normalize(join(root, ...rest));
  return file.startsWith(root) ? file : null;
}

export async function startStaticServer(): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    let path = new URL(req.url ?? '/', 'http://x').pathname;
    const slow = /^\/slow\/(\d{1,5})(\/.*)$/.exec(path);
    if (slow?.[1] && slow[2]) {
      await new Promise((ok) => setTimeout(ok, Number(slow[1])));
      path = slow[2];
    }
    const file = fileFor(path);
    try {
      if (!file) throw new Error('outside roots');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

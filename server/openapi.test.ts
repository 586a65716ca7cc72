// @vitest-environment node
/** docs/openapi.yaml documents exactly the routes the reference server serves. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createApp } from './app.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';
import { resolveOptions } from '../utils/report/options.ts';

const normalise = (path: string): string => path.replace(/\{[^}]+\}|:[A-Za-z]+/g, '{}');

it('every served route is in the contract and vice versa', () => {
  const storage = new SqliteStorage(':memory:', () => resolveOptions());
  const app = createApp({ storage, token: 't', webhooks: { now: Date.now } });
  const served = new Set(
    app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${normalise(r.path)}`),
  );
  const yaml = readFileSync(new URL('../docs/openapi.yaml', import.meta.url), 'utf8');
  const documented = new Set<string>();
  let path = '';
  for (const line of yaml.split('\n')) {
    const route = /^ {2}(\/v1\/\S+):$/.exec(line);
    if (route?.[1]) path = normalise(route[1]);
    const method = /^ {4}(get|post):$/.exec(line);
    if (method?.[1] && path) documented.add(`${method[1].toUpperCase()} ${path}`);
  }
  expect([...documented].sort()).toEqual([...served].sort());
  storage.close();
});

// @vitest-environment node
/** The importer CLI loads NDJSON into a database the server then reports from. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { resolveOptions } from '../utils/report/options.ts';
import { SqliteStorage } from './storage/sqlite-storage.ts';
import { removeDir } from './test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'clickmap-import-'));
afterAll(() => removeDir(dir));

it('imports NDJSON in batches, idempotently, and stops at a bad line', () => {
  const db = join(dir, 'db.sqlite');
  const setup = new SqliteStorage(db, () => resolveOptions());
  setup.putTemplate({ id: 't', name: 'T' });
  setup.putVersion({ id: 'v', templateId: 't', contentHash: 'h', createdAt: 0, placements: [] });
  setup.putCampaign({ id: 'c', templateId: 't', versionId: 'v', name: 'C', sentAt: 0 });
  setup.close();
  const events = Array.from({ length: 25 }, (_, i) => ({
    id: `e${i}`,
    campaignId: 'c',
    recipient: `r${i % 7}`,
    at: 1000 * i,
    type: i % 5 === 0 ? 'open' : 'sent',
  }));
  const file = join(dir, 'events.ndjson');
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
  const run = (path: string) =>
    spawnSync(process.execPath, ['server/import.ts', '--db', db, '--batch', '10', path], {
      encoding: 'utf8',
    });
  expect(JSON.parse(run(file).stdout)).toEqual({ stored: 25, duplicates: 0 });
  expect(JSON.parse(run(file).stdout)).toEqual({ stored: 0, duplicates: 25 });
  const bad = join(dir, 'bad.ndjson');
  writeFileSync(bad, `${JSON.stringify({ ...events[0], id: 'x' })}\n{"id":`);
  const failed = run(bad);
  expect(failed.status).not.toBe(0);
  expect(failed.stderr).toContain('line 2 is not valid JSON');
  const check = new SqliteStorage(db, () => resolveOptions());
  expect(check.eventCount()).toBe(25);
  check.close();
});

it('refuses an event id reused with different content, naming it, and stores none of the file', () => {
  const db = join(dir, 'reuse.sqlite');
  const setup = new SqliteStorage(db, () => resolveOptions());
  setup.putTemplate({ id: 't', name: 'T' });
  setup.putVersion({ id: 'v', templateId: 't', contentHash: 'h', createdAt: 0, placements: [] });
  setup.putCampaign({ id: 'c', templateId: 't', versionId: 'v', name: 'C', sentAt: 0 });
  setup.close();
  const event = { id: 'dup', campaignId: 'c', recipient: 'r1', at: 1000, type: 'open' };
  const file = join(dir, 'reuse.ndjson');
  const lines = [{ ...event, id: 'ok' }, event, { ...event, recipient: 'r2' }];
  writeFileSync(file, lines.map((e) => JSON.stringify(e)).join('\n'));
  const run = spawnSync(process.execPath, ['server/import.ts', '--db', db, file], {
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('"dup"');
  const check = new SqliteStorage(db, () => resolveOptions());
  expect(check.eventCount()).toBe(0);
  check.close();
});

// @vitest-environment node
/**
 * A period that does not start and end on UTC midnights is answered from
 * the aggregates plus the messages of its two edge days: the campaigns' raw
 * events are not rescanned (that took GBs and tens of seconds at millions of
 * events), the numbers stay the engine's, and a database from before
 * message_hours is filled on open.
 */
import { DatabaseSync } from 'node:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { buildClickMapReport } from '../../utils/report/build.ts';
import type { Campaign, EmailEvent, TemplateVersion } from '../../utils/report/model.ts';
import { DAY_MS, resolveOptions } from '../../utils/report/options.ts';
import { SqliteStorage } from '../storage/sqlite-storage.ts';
import { BENCH_T0, LINKS, syntheticEvents } from '../synthetic-events.ts';

const NOW = BENCH_T0 + 400 * DAY_MS;
const CAMPAIGNS = 30;
const dir = mkdtempSync(join(tmpdir(), 'clickmap-edges-'));
const db = join(dir, 'edges.sqlite');
const version: TemplateVersion = {
  id: 'v',
  templateId: 't',
  contentHash: 'h',
  createdAt: BENCH_T0,
  placements: LINKS.map((url, i) => ({ linkId: `L${i}`, ordinal: i, url, text: `${i}` })),
};
const campaigns: Campaign[] = Array.from({ length: CAMPAIGNS }, (_, c) => ({
  id: `c${c}`,
  templateId: 't',
  versionId: 'v',
  name: `c${c}`,
  sentAt: BENCH_T0 + c * DAY_MS,
}));
const events: EmailEvent[] = [...syntheticEvents(30_000, CAMPAIGNS)].flat();
const periods = [
  { from: BENCH_T0 + 1 },
  { from: BENCH_T0 + 10.5 * DAY_MS, to: BENCH_T0 + 20.25 * DAY_MS },
  { to: BENCH_T0 + 7 * DAY_MS + 1234 },
];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(): SqliteStorage {
  return new SqliteStorage(db, () => resolveOptions({ now: NOW }));
}

function check(storage: SqliteStorage): void {
  const rescan = vi.spyOn(storage, 'eventsOf');
  for (const period of periods)
    for (const includeMachineClicks of [false, true])
      expect(storage.clickMap({ templateId: 't', ...period, includeMachineClicks })).toEqual(
        buildClickMapReport(
          { templateId: 't', versions: [version], campaigns, events, period },
          { includeMachineClicks, now: NOW },
        ),
      );
  expect(rescan).not.toHaveBeenCalled();
}

it('answers ragged periods exactly without rescanning raw events', { timeout: 120_000 }, () => {
  const storage = open();
  storage.putTemplate({ id: 't', name: 'T' });
  storage.putVersion(version);
  for (const c of campaigns) storage.putCampaign(c);
  for (let i = 0; i < events.length; i += 2000) storage.ingest(events.slice(i, i + 2000));
  check(storage);
  storage.close();
});

it(
  'fills message_hours when opening a database written before it existed',
  { timeout: 60_000 },
  () => {
    const raw = new DatabaseSync(db);
    raw.exec('DELETE FROM message_hours');
    raw.close();
    const storage = open();
    check(storage);
    storage.close();
  },
);

// @vitest-environment node
/**
 * The reference server applies the engine's rules on every path: the engine's
 * row assembly on the aggregates (same rows as buildClickMapReport and the
 * raw-event path), one event-id rule, unambiguous row keys, List-Unsubscribe
 * presses on the current unsubscribe link.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { buildClickMapReport } from '../../utils/report/build.ts';
import type { Campaign, EmailEvent, TemplateVersion } from '../../utils/report/model.ts';
import { resolveOptions } from '../../utils/report/options.ts';
import type { ClickMapReport } from '../../utils/report/report-types.ts';
import { HttpProblem } from '../problem.ts';
import type { TestServer } from '../test-support.ts';
import { removeDir, startTestServer } from '../test-support.ts';
import { SqliteStorage } from './sqlite-storage.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 3, 6);
const NOW = T0 + 30 * DAY;

const versions: TemplateVersion[] = [
  {
    id: 'v1',
    templateId: 't',
    contentHash: 'h1',
    createdAt: T0,
    placements: [
      { linkId: 'L0', ordinal: 0, url: 'https://shop.example/old', text: 'Old offer' },
      { linkId: 'U', ordinal: 1, url: 'https://esp.example/u', text: 'Unsub', kind: 'unsubscribe' },
    ],
  },
  {
    id: 'v2',
    templateId: 't',
    contentHash: 'h2',
    createdAt: T0 + 10 * DAY,
    placements: [{ linkId: 'L0', ordinal: 0, url: 'https://shop.example/new', text: 'New offer' }],
  },
];
const campaigns: Campaign[] = [
  { id: 'c1', templateId: 't', versionId: 'v1', name: 'one', sentAt: T0 },
  { id: 'c2', templateId: 't', versionId: 'v2', name: 'two', sentAt: T0 + 10 * DAY },
];

let open: SqliteStorage[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

function store(): SqliteStorage {
  const storage = new SqliteStorage(':memory:', () => resolveOptions({ now: NOW }));
  open.push(storage);
  storage.putTemplate({ id: 't', name: 'T' });
  for (const v of versions) storage.putVersion(v);
  for (const c of campaigns) storage.putCampaign(c);
  return storage;
}

const sent = (id: string, recipient = 'ada', campaignId = 'c1'): EmailEvent => ({
  id,
  type: 'sent',
  campaignId,
  recipient,
  at: T0,
});
const click = (id: string, extra: Partial<EmailEvent> & { url: string }): EmailEvent =>
  ({
    id,
    type: 'click',
    campaignId: 'c1',
    recipient: 'ada',
    at: T0 + 3_600_000,
    ...extra,
  }) as EmailEvent;

const rows = (report: ClickMapReport) =>
  report.links.map((l) => [l.rowKey, l.name, l.uniqueClicks] as const);

describe('the same rows on every path', () => {
  it('names a click without link id on a changed URL after its version (all time, whole days, ragged)', () => {
    const storage = store();
    // Mailgun's adapter sets no link id: the click carries the URL of v1's L0 only.
    const events = [sent('s'), click('k', { url: 'https://shop.example/old' })];
    storage.ingest(events);
    const engine = buildClickMapReport(
      { templateId: 't', versions, campaigns, events },
      { now: NOW },
    );
    expect(rows(engine)).toEqual([
      ['url:https://shop.example/old', 'Old offer', 1],
      ['link:U', 'Unsub', 0],
    ]);
    const allTime = storage.clickMap({ templateId: 't', includeMachineClicks: true });
    expect(allTime).toEqual(engine);
    const days = { from: T0 - DAY, to: T0 + 2 * DAY };
    expect(
      rows(storage.clickMap({ templateId: 't', includeMachineClicks: true, ...days })),
    ).toEqual(rows(engine));
    const ragged = { from: T0 + 1, to: T0 + 2 * DAY + 1 };
    expect(
      rows(storage.clickMap({ templateId: 't', includeMachineClicks: true, ...ragged })),
    ).toEqual(rows(engine));
  });

  it('keeps a link id that looks like a row key apart from that row', () => {
    const storage = store();
    const events = [
      sent('s1'),
      sent('s2', 'bob'),
      click('k1', { linkId: 'domain:shop.example', url: 'https://a.example/' }),
      click('k2', {
        recipient: 'bob',
        url: 'https://shop.example/u/{{id}}',
        finalUrl: 'https://shop.example/u/7',
      }),
    ];
    storage.ingest(events);
    const report = storage.clickMap({ templateId: 't', includeMachineClicks: true });
    expect(report.links.filter((l) => l.uniqueClicks > 0).map((l) => l.rowKey)).toEqual([
      'domain:shop.example',
      'link:domain:shop.example',
    ]);
  });
});

describe('one event-id rule', () => {
  it('same id, same content: a no-op; same id, other content: refused, nothing of the request stored', () => {
    const storage = store();
    const first = click('k', { url: 'https://shop.example/old' });
    expect(storage.ingest([sent('s'), first])).toEqual({ stored: 2, duplicates: 0 });
    // Same content, fields in another order.
    const { id, ...rest } = first;
    expect(storage.ingest([{ ...rest, id } as EmailEvent])).toEqual({ stored: 0, duplicates: 1 });
    const before = storage.clickMap({ templateId: 't', includeMachineClicks: true });
    const reused = { ...first, recipient: 'bob' };
    let refused: unknown;
    try {
      storage.ingest([sent('s-bob', 'bob'), reused]);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpProblem);
    expect((refused as HttpProblem).status).toBe(409);
    expect((refused as HttpProblem).message).toContain('"k"');
    expect(storage.eventCount()).toBe(2); // s-bob was not stored either
    expect(storage.clickMap({ templateId: 't', includeMachineClicks: true })).toEqual(before);
    // Within one request too.
    expect(() => storage.ingest([sent('n1'), { ...sent('n1'), at: T0 + 5 }])).toThrow(/"n1"/);
    expect(storage.eventCount()).toBe(2);
  });
});

describe('List-Unsubscribe presses', () => {
  it('count on the unsubscribe link row, and move when the version changes that link', () => {
    const storage = store();
    const press: EmailEvent = {
      id: 'p',
      type: 'unsubscribe',
      method: 'list-unsubscribe',
      campaignId: 'c1',
      recipient: 'ada',
      at: T0 + DAY,
    };
    storage.ingest([sent('s'), press]);
    const clicked = (r: ClickMapReport) => rows(r).filter(([, , n]) => n > 0);
    const report = storage.clickMap({ templateId: 't', includeMachineClicks: true });
    expect(clicked(report)).toEqual([['link:U', 'Unsub', 1]]);
    expect(report.totals).toMatchObject({ unsubscribed: 1, uniqueClicks: 1, totalClicks: 1 });
    const moved: TemplateVersion = {
      ...versions[0]!,
      placements: [
        { linkId: 'L0', ordinal: 0, url: 'https://shop.example/old', text: 'Old offer' },
        {
          linkId: 'U2',
          ordinal: 1,
          url: 'https://esp.example/u2',
          text: 'Leave',
          kind: 'unsubscribe',
        },
      ],
    };
    storage.putVersion(moved);
    const after = storage.clickMap({ templateId: 't', includeMachineClicks: true });
    const events = [sent('s'), press];
    const engine = buildClickMapReport(
      { templateId: 't', versions: [moved, versions[1]!], campaigns, events },
      { now: NOW },
    );
    expect(clicked(after)).toEqual([['link:U2', 'Leave', 1]]);
    expect(after).toEqual(engine);
  });
});

describe('databases of an older aggregate format', () => {
  it('are rebuilt from their raw events when opened: the reports stay exact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clickmap-upgrade-'));
    try {
      const path = join(dir, 'db.sqlite');
      const events = [
        sent('s'),
        click('k', { linkId: 'L0', url: 'https://shop.example/old' }),
        {
          ...sent('u'),
          type: 'unsubscribe',
          method: 'list-unsubscribe',
          at: T0 + DAY,
        } as EmailEvent,
      ];
      const first = new SqliteStorage(path, () => resolveOptions({ now: NOW }));
      first.putTemplate({ id: 't', name: 'T' });
      for (const v of versions) first.putVersion(v);
      for (const c of campaigns) first.putCampaign(c);
      first.ingest(events);
      first.close();
      // What an older version left: its own row keys, and no format version.
      const old = new DatabaseSync(path);
      old.exec(`UPDATE row_refs SET row = 'L0', ref = replace(ref, 'link:L0', 'L0') WHERE row = 'link:L0';
        UPDATE totals SET row = 'L0' WHERE row = 'link:L0'; PRAGMA user_version = 0;`);
      old.close();
      const reopened = new SqliteStorage(path, () => resolveOptions({ now: NOW }));
      const engine = buildClickMapReport(
        { templateId: 't', versions, campaigns, events },
        { now: NOW },
      );
      expect(reopened.clickMap({ templateId: 't', includeMachineClicks: true })).toEqual(engine);
      reopened.close();
    } finally {
      removeDir(dir);
    }
  });
});

describe('over HTTP', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    if (server) {
      await server.close();
      removeDir(server.dir);
      server = undefined;
    }
  });

  it('answers 409 listing the reused ids, and stores nothing of that request', async () => {
    server = await startTestServer({ now: () => NOW });
    const post = (path: string, json: unknown) => server!.call(path, { method: 'POST', json });
    expect((await post('/v1/templates', { id: 't', name: 'T' })).status).toBe(201);
    const version = { id: 'v1', createdAt: T0, html: '<a href="https://shop.example/x">x</a>' };
    expect((await post('/v1/templates/t/versions', version)).status).toBe(201);
    const campaign = { id: 'c1', templateId: 't', versionId: 'v1', name: 'one', sentAt: T0 };
    expect((await post('/v1/campaigns', campaign)).status).toBe(201);
    const first = click('k', { url: 'https://shop.example/x' });
    expect((await post('/v1/events', [sent('s'), first])).status).toBe(200);
    const response = await post('/v1/events', [sent('s2', 'bob'), { ...first, at: first.at + 1 }]);
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toContain('"k"');
    const again = await post('/v1/events', [first]);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 1 });
  });
});

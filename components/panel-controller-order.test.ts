// @vitest-environment jsdom
/**
 * Badges within one frame of the stats (issue 12, item 10): the report's
 * badges go to the preview frame first and the panel's table (status
 * "ready") renders only once the frame drew them, or after a cap when it
 * never answers, and a newer load still wins over an older one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FrameRecord, ReportOutcome } from '../utils/messaging/protocol.ts';
import { emailWith, previewOf } from '../utils/messaging/testing/preview.ts';
import { mailchimpSourceReport } from '../utils/sources/testing/esp-reports.ts';
import { MAX_WAIT_MS } from './badges-first.ts';
import { createPanelController } from './panel-controller.ts';
import { createPanelStore, type PanelStore } from './panel-store.ts';

/** What happened, in order: messages sent and the panel's status changes. */
const log: string[] = [];
let answerRelay: (() => void) | null = null;
let neverAnswer = false;
const outcomes: ReportOutcome[] = [];
vi.mock('../utils/browser/messaging.ts', () => ({
  sendToBackground: vi.fn((name: string, request: { command?: { command: string } }) => {
    if (name === 'relay') {
      log.push(`relay ${request.command?.command}`);
      if (neverAnswer) return new Promise(() => {});
      return new Promise((ok) => (answerRelay = () => ok({ delivered: true })));
    }
    if (name === 'loadReport') return Promise.resolve(outcomes.shift());
    return Promise.reject(new Error(`${name}: not in this test`)); // viewPrefs: the defaults stay
  }),
}));

const frame: FrameRecord = {
  url: 'about:srcdoc',
  origin: 'null',
  isTop: false,
  linkCount: 1,
  title: '',
  preview: previewOf(emailWith(['https://shop.example/a'])),
  tabId: 1,
  frameId: 4,
  seenAt: 1,
};

async function ready(): Promise<ReportOutcome> {
  return {
    state: 'ready',
    match: { templateId: 't1', versionId: null, campaignId: null, confidence: 1, reasons: [] },
    report: await mailchimpSourceReport(),
    sequence: null,
    templateName: 'Spring sale',
  };
}

function watchStatus(store: PanelStore) {
  return store.status.subscribe((status) => log.push(`status ${status.kind}`));
}

const tick = (ms = 0) => new Promise((ok) => setTimeout(ok, ms));

afterEach(() => {
  log.length = 0;
  answerRelay = null;
  neverAnswer = false;
});

describe('stats → badges first, table after', () => {
  it('draws the badges before the report renders', async () => {
    const store = createPanelStore();
    const stop = watchStatus(store);
    outcomes.push(await ready());
    createPanelController(store).setFrames([frame]);
    await vi.waitFor(() => expect(answerRelay).not.toBeNull());
    answerRelay!();
    await vi.waitFor(() => expect(store.status.value.kind).toBe('ready'));
    expect(log.filter((l) => l !== 'status loading')).toEqual(['relay drawBadges', 'status ready']);
    expect(store.templateName.value).toBe('Spring sale');
    stop();
  });

  it('a preview frame that never answers holds the report back by the cap only', async () => {
    neverAnswer = true;
    const store = createPanelStore();
    outcomes.push(await ready());
    createPanelController(store).setFrames([frame]);
    await tick(MAX_WAIT_MS / 2);
    expect(store.status.value.kind).toBe('loading');
    await tick(MAX_WAIT_MS);
    expect(store.status.value.kind).toBe('ready');
  });

  it('a newer load started while the badges drew wins', async () => {
    const store = createPanelStore();
    const controller = createPanelController(store);
    outcomes.push(await ready());
    controller.setFrames([frame]);
    await vi.waitFor(() => expect(answerRelay).not.toBeNull());
    outcomes.push({ state: 'error', kind: 'unknown', message: 'API down' });
    await controller.load();
    answerRelay!();
    await tick(MAX_WAIT_MS + 50);
    expect(store.status.value).toEqual({ kind: 'error', reason: 'API down' });
  });
});

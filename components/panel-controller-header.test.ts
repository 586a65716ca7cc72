// @vitest-environment jsdom
/**
 * The panel header names the matched template of the email on screen: when
 * the next message has no data (or fails), the previous template's name goes.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPanelStore } from './panel-store.ts';
import type { FrameRecord, ReportOutcome } from '../utils/messaging/protocol.ts';
import { mailchimpSourceReport } from '../utils/sources/testing/esp-reports.ts';
import { emailWith, previewOf } from '../utils/messaging/testing/preview.ts';
import { createPanelController } from './panel-controller.ts';

const outcomes: ReportOutcome[] = [];
const requests: unknown[] = [];
vi.mock('../utils/browser/messaging.ts', () => ({
  sendToBackground: vi.fn((name: string, request: unknown) => {
    if (name === 'loadReport') requests.push(request);
    return Promise.resolve(name === 'loadReport' ? outcomes.shift() : {});
  }),
}));

function frame(frameId: number, hrefs: string[]): FrameRecord {
  return {
    url: 'about:srcdoc',
    origin: 'null',
    isTop: false,
    linkCount: hrefs.length,
    title: '',
    preview: previewOf(emailWith(hrefs)),
    tabId: 1,
    frameId,
    seenAt: frameId,
  };
}

/** Until the load ends (a report renders after its badges' frame: badges-first.ts). */
const settle = (store: ReturnType<typeof createPanelStore>) =>
  vi.waitFor(() => expect(store.status.value.kind).not.toBe('loading'), { timeout: 2_000 });

describe('panel header across messages', () => {
  it.each<[string, ReportOutcome]>([
    ['no data', { state: 'no-match', reason: 'No template matches this email.' }],
    ['an error', { state: 'error', kind: 'unknown', message: 'API down' }],
    ['not configured', { state: 'not-configured' }],
  ])('a message with %s after a matched one shows no template name', async (_case, next) => {
    const store = createPanelStore();
    const controller = createPanelController(store);
    outcomes.push({
      state: 'ready',
      match: { templateId: 't1', versionId: null, campaignId: null, confidence: 1, reasons: [] },
      report: await mailchimpSourceReport(),
      sequence: null,
      templateName: 'Spring sale',
    });
    controller.setFrames([frame(1, ['https://shop.example/a'])]);
    await settle(store);
    expect(store.templateName.value).toBe('Spring sale');

    outcomes.push(next);
    controller.setFrames([frame(2, ['https://other.example/b'])]);
    expect(store.templateName.value).toBeNull(); // not even while loading
    await settle(store);
    expect(store.templateName.value).toBeNull();
  });
});

describe('no campaign matched', () => {
  it("offers the campaigns; a pick loads that campaign's report through the background", async () => {
    const store = createPanelStore();
    const controller = createPanelController(store);
    const campaigns = [{ id: 'welcome', name: 'Welcome', sentAt: 1, sequence: null }];
    outcomes.push({ state: 'no-match', reason: 'No campaign matched this email.', campaigns });
    controller.setFrames([frame(7, ['https://unrelated.example/x'])]);
    await settle(store);
    expect(store.status.value).toEqual({
      kind: 'no-data',
      message: 'No campaign matched this email.',
      campaigns,
    });

    requests.length = 0;
    outcomes.push({
      state: 'ready',
      match: {
        templateId: 'w',
        versionId: null,
        campaignId: 'welcome',
        confidence: 0,
        reasons: [],
      },
      report: await mailchimpSourceReport(),
      sequence: null,
      campaigns,
      campaignId: 'welcome',
      templateName: 'Welcome template',
    });
    controller.changeCampaign('welcome');
    await settle(store);
    expect(requests).toEqual([
      { frameId: 7, selection: expect.objectContaining({ campaignId: 'welcome' }) },
    ]);
    expect(store.status.value.kind).toBe('ready');
    expect(store.templateName.value).toBe('Welcome template');
  });
});

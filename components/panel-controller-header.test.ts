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
vi.mock('../utils/browser/messaging.ts', () => ({
  sendToBackground: vi.fn((name: string) =>
    Promise.resolve(name === 'loadReport' ? outcomes.shift() : {}),
  ),
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

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

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
    await settle();
    expect(store.templateName.value).toBe('Spring sale');

    outcomes.push(next);
    controller.setFrames([frame(2, ['https://other.example/b'])]);
    expect(store.templateName.value).toBeNull(); // not even while loading
    await settle();
    expect(store.templateName.value).toBeNull();
  });
});

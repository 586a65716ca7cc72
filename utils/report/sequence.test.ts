// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Campaign, EmailEvent, Sequence } from './model.ts';
import { sequenceCaveats } from '../panel/sequence-view.ts';
import { buildSequenceReport } from './sequence.ts';
import * as E from './test-events.ts';
import { HOUR } from './test-events.ts';

const sequence: Sequence = {
  id: 'seq',
  name: 'Outreach',
  steps: [
    { step: 2, campaignId: 's2', name: 'Follow-up' },
    { step: 1, campaignId: 's1', name: 'Intro' },
  ],
};
const campaigns: Campaign[] = [
  {
    id: 's1',
    templateId: 'tpl',
    versionId: 'v1',
    name: 'Intro',
    sentAt: 0,
    sequence: { sequenceId: 'seq', step: 1 },
  },
  {
    id: 's2',
    templateId: 'tpl',
    versionId: 'v2',
    name: 'Follow-up',
    sentAt: 0,
    sequence: { sequenceId: 'seq', step: 2 },
  },
];

// The seed's worked example: 10 sent / 10 opened / 5 clicked at step 1, 6 / 6 / 2 at step 2.
const prospects = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
const events: EmailEvent[] = [
  ...prospects(10).flatMap((r) => [
    ...E.deliveredMessage({ c: 's1', r }),
    E.open(HOUR, { c: 's1', r }),
    E.open(2 * HOUR, { c: 's1', r }),
  ]),
  ...prospects(5).flatMap((r) => [
    E.click(HOUR, { c: 's1', r, linkId: 'L0' }),
    E.click(3 * HOUR, { c: 's1', r, linkId: 'L0' }),
  ]),
  ...prospects(6).flatMap((r) => [
    ...E.deliveredMessage({ c: 's2', r }),
    E.open(HOUR, { c: 's2', r }),
  ]),
  ...prospects(2).map((r) => E.click(HOUR, { c: 's2', r, linkId: 'L0' })),
];

describe('buildSequenceReport', () => {
  const report = buildSequenceReport({ sequence, campaigns, versions: E.versions, events });

  it('counts single opens and clicks per step, in step order', () => {
    expect(
      report.steps.map((s) => [
        s.step,
        s.name,
        s.sent,
        s.singleOpens,
        s.singleClicks,
        s.openRate,
        s.clickRate,
      ]),
    ).toEqual([
      [1, 'Intro', 10, 10, 5, 1, 0.5],
      [2, 'Follow-up', 6, 6, 2, 1, 2 / 6],
    ]);
  });

  it('sums singles and divides by the summed sent (never above 100%)', () => {
    expect(report.summary).toEqual({
      sent: 16,
      singleOpens: 16,
      singleClicks: 7,
      openRate: 1,
      clickRate: 7 / 16,
    });
  });

  it('lists click performance: every click over sent, per step', () => {
    const clicked = report.clickPerformance.filter((r) => r.clicks > 0);
    expect(clicked).toEqual([
      {
        address: 'https://shop.example/sale?utm_source=mail',
        name: 'Shop the sale',
        step: 1,
        clicks: 10,
        clickRate: 1,
      },
      {
        address: 'https://shop.example/new',
        name: 'New collection',
        step: 2,
        clicks: 2,
        clickRate: 2 / 6,
      },
    ]);
    expect(report.clickPerformance).toHaveLength(4);
  });

  it('counts bounce-pixel opens in single opens as Datananas does, and says how many', () => {
    // Two more prospects at step 2: their mail servers bounced the email and pinged the pixel.
    const bounced = ['b1', 'b2'].flatMap((r) => [
      E.sent(0, { c: 's2', r }),
      E.bounce(1000, 'hard', { c: 's2', r }),
      E.open(2000, { c: 's2', r }),
    ]);
    const withBounces = buildSequenceReport({
      sequence,
      campaigns,
      versions: E.versions,
      events: [...events, ...bounced],
    });
    const step2 = withBounces.steps.find((s) => s.step === 2);
    expect(step2).toMatchObject({ sent: 8, singleOpens: 8, bouncePixelOpens: 2, openRate: 1 });
    expect(withBounces.steps.find((s) => s.step === 1)?.bouncePixelOpens).toBe(0);
    expect(sequenceCaveats(withBounces).map((c) => [c.id, c.steps])).toContainEqual([
      'bounces-with-opens',
      [2],
    ]);
  });
});

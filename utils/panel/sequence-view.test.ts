import { t } from '../i18n/i18n.ts';
import { describe, expect, it } from 'vitest';
import type { SequenceReport } from '../report/report-types.ts';
import {
  CAVEAT_TEXT,
  clickPerformance,
  sequenceCaveats,
  sequenceSummary,
  stepRows,
} from './sequence-view.ts';

// The seed's worked example: step 1 — 10 sent, 10 opened, 5 clicked; step 2 — 6 sent, 6 opened, 2 clicked.
const seedExample: SequenceReport = {
  sequenceId: 'seq-1',
  name: 'Outbound Q3',
  steps: [
    {
      step: 2,
      name: 'Follow-up',
      campaignId: 'c2',
      sent: 6,
      singleOpens: 6,
      singleClicks: 2,
      openRate: 1,
      clickRate: 2 / 6,
    },
    {
      step: 1,
      name: 'Intro',
      campaignId: 'c1',
      sent: 10,
      singleOpens: 10,
      singleClicks: 5,
      openRate: 1,
      clickRate: 0.5,
    },
  ],
  summary: { sent: 16, singleOpens: 16, singleClicks: 7, openRate: 1, clickRate: 7 / 16 },
  clickPerformance: [
    {
      address: 'https://example.com/demo',
      name: 'Book a demo',
      step: 1,
      clicks: 4,
      clickRate: 0.4,
    },
    { address: 'https://example.com/case', name: 'Case study', step: 2, clicks: 3, clickRate: 0.5 },
    { address: 'https://example.com/pricing', name: 'Pricing', step: 1, clicks: 3, clickRate: 0.3 },
  ],
};

describe('sequence view', () => {
  it('orders steps and recomputes their rates from the counts', () => {
    expect(stepRows(seedExample)).toEqual([
      {
        step: 1,
        name: 'Intro',
        sent: 10,
        singleOpens: 10,
        singleClicks: 5,
        openRate: 1,
        clickRate: 0.5,
      },
      {
        step: 2,
        name: 'Follow-up',
        sent: 6,
        singleOpens: 6,
        singleClicks: 2,
        openRate: 1,
        clickRate: 2 / 6,
      },
    ]);
  });

  it('sums single openings and clicks over sums of sent (never above 100%)', () => {
    expect(sequenceSummary(seedExample)).toEqual({
      sent: 16,
      singleOpens: 16,
      singleClicks: 7,
      openRate: 1,
      clickRate: 7 / 16,
    });
    expect(sequenceSummary({ ...seedExample, steps: [] })).toEqual({
      sent: 0,
      singleOpens: 0,
      singleClicks: 0,
      openRate: null,
      clickRate: null,
    });
  });

  it('lists click performance with the click rate per sent of the step', () => {
    expect(clickPerformance(seedExample)).toEqual([
      {
        address: 'https://example.com/demo',
        name: 'Book a demo',
        clickRate: 0.4,
        clicks: 4,
        step: 1,
      },
      {
        address: 'https://example.com/pricing',
        name: 'Pricing',
        clickRate: 0.3,
        clicks: 3,
        step: 1,
      },
      {
        address: 'https://example.com/case',
        name: 'Case study',
        clickRate: 0.5,
        clicks: 3,
        step: 2,
      },
    ]);
  });

  it('gives no caveat when nothing suggests one', () => {
    expect(sequenceCaveats(seedExample)).toEqual([]);
  });

  it('derives clicks without opens from a step and the other caveats from signals', () => {
    const blocked: SequenceReport = {
      ...seedExample,
      steps: seedExample.steps.map((s) => (s.step === 2 ? { ...s, singleOpens: 1 } : s)),
    };
    expect(
      sequenceCaveats(blocked, [
        { step: 1, repliesWithoutOpens: 1 },
        { bouncesWithOpens: 2 },
        { step: 1, clicksWithoutOpens: 0 },
      ]),
    ).toEqual([
      { id: 'clicks-without-opens', text: t(CAVEAT_TEXT['clicks-without-opens']), steps: [2] },
      { id: 'replies-without-opens', text: t(CAVEAT_TEXT['replies-without-opens']), steps: [1] },
      { id: 'bounces-with-opens', text: t(CAVEAT_TEXT['bounces-with-opens']), steps: [] },
    ]);
  });
});

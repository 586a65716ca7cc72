// @vitest-environment node
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { SequenceReport } from '../report/report-types.ts';
import { sequenceToCsv } from './csv-export.ts';
import { sequenceToXlsxBuffer } from './xlsx-node.ts';

// The Datananas seed's worked example: step 1 sent 10, opened 10, clicked 5; step 2 sent 6, 6, 2.
const report: SequenceReport = {
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
    { address: 'https://a.example/', name: 'A', step: 2, clicks: 2, clickRate: 2 / 6 },
    { address: 'https://b.example/', name: '=B', step: 1, clicks: 5, clickRate: 0.5 },
  ],
};

describe('sequence export', () => {
  it('CSV: the steps in order with the summed row, then click performance most clicked first', () => {
    const csv = sequenceToCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Step,Name,Sent,Single opens,Single clicks,Open rate,Click rate',
      '1,Intro,10,10,5,100%,50%',
      '2,Follow-up,6,6,2,100%,33.3333%',
      'All steps,Outbound Q3,16,16,7,100%,43.75%',
      '',
      '',
      'Link,Name,Click rate,Clicks,Step',
      "https://b.example/,'=B,50%,5,1",
      'https://a.example/,A,33.3333%,2,2',
      '',
      '',
    ]);
  });

  it('XLSX: one "Sequence" sheet with both tables, rates as numbers', async () => {
    const [sheet] = await readXlsxFile(await sequenceToXlsxBuffer(report));
    expect(sheet?.sheet).toBe('Sequence');
    const rows = sheet?.data ?? [];
    expect(rows[0]).toEqual([
      'Step',
      'Name',
      'Sent',
      'Single opens',
      'Single clicks',
      'Open rate',
      'Click rate',
    ]);
    expect(rows[3]).toEqual(['All steps', 'Outbound Q3', 16, 16, 7, 1, 7 / 16]);
    const header = rows.findIndex((r) => r[0] === 'Link');
    expect(rows[header + 1]?.slice(0, 5)).toEqual(['https://b.example/', '=B', 0.5, 5, 1]);
  });
});

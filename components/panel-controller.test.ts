/** The panel's machine-click switch is applied to the report and remembered by the background. */
import { describe, expect, it, vi } from 'vitest';
import type { FrameRecord } from '../utils/messaging/protocol.ts';

const calls: [string, unknown][] = [];
vi.mock('../utils/browser/messaging.ts', () => ({
  sendToBackground: (name: string, data: unknown) => {
    calls.push([name, data]);
    return name === 'loadReport'
      ? Promise.resolve({ state: 'no-data', reason: 'none' })
      : Promise.resolve({ include: (data as { include: boolean }).include });
  },
}));

const { createPanelController } = await import('./panel-controller.ts');
const { createPanelStore } = await import('./panel-store.ts');

const frame = {
  frameId: 3,
  tabId: 1,
  seenAt: 0,
  url: 'https://mail.example/',
  preview: { profileId: 'generic', links: [], subject: null, sender: null },
} as unknown as FrameRecord;

describe('machine-click switch', () => {
  it('asks the report with the choice and remembers it as the default', async () => {
    const controller = createPanelController(createPanelStore());
    controller.setFrames([frame]);
    calls.length = 0;
    controller.changeMachineClicks(false);
    await Promise.resolve();
    expect(calls).toContainEqual(['rememberMachineClicks', { include: false }]);
    const load = calls.find(([name]) => name === 'loadReport');
    expect(load?.[1]).toMatchObject({ selection: { includeMachineClicks: false } });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground, serveBackground, type BackgroundHandlers } from './messaging.ts';

const handlers = (overrides: Partial<BackgroundHandlers> = {}): BackgroundHandlers => ({
  ping: () => ({ version: '9.9.9' }),
  frameHello: () => ({ tabId: 1, frameId: 0, off: false }),
  listFrames: () => ({ frames: [] }),
  loadReport: () => ({ state: 'not-configured' }),
  auditPreview: () => ({ placements: [], findings: [], counts: { error: 0, warning: 0, info: 0 } }),
  relay: () => ({ delivered: false }),
  loadChunk: () => ({ loaded: true }),
  openOptions: () => ({ opened: false }),
  checkConnection: async () => ({ ok: true, detail: 'fine' }),
  viewPrefs: () => ({ badgeMetric: 'unique-share', tableColumns: [] }),
  panelLayout: () => ({ side: 'right', width: null, collapsed: false }),
  keyboardShortcut: () => ({ shortcut: 'Alt+Shift+K' }),
  rememberMachineClicks: ({ include }) => ({ include }),
  ...overrides,
});

describe('typed messaging over the runtime', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips a request to its handler and back', async () => {
    const stop = new AbortController();
    serveBackground(handlers(), stop.signal);
    await expect(sendToBackground('ping', { from: 'test' })).resolves.toEqual({ version: '9.9.9' });
    await expect(sendToBackground('checkConnection', {})).resolves.toEqual({
      ok: true,
      detail: 'fine',
    });
    stop.abort();
  });

  it("rejects with the handler's reason instead of hanging", async () => {
    const stop = new AbortController();
    serveBackground(
      handlers({
        listFrames: () => {
          throw new Error('registry unavailable');
        },
      }),
      stop.signal,
    );
    await expect(sendToBackground('listFrames', {})).rejects.toThrow('registry unavailable');
    stop.abort();
  });

  it('stops answering once its signal aborts', async () => {
    const stop = new AbortController();
    serveBackground(handlers(), stop.signal);
    stop.abort();
    await expect(sendToBackground('ping', { from: 'test' })).rejects.toThrow();
  });
});

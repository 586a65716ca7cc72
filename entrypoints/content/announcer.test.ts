import { describe, expect, test, vi } from 'vitest';
import type { PreviewInfo } from '../../utils/messaging/protocol.ts';
import { frameAnnouncer } from './announcer.ts';

const preview = { profile: 'roundcube', links: [] } as unknown as PreviewInfo;

describe('frameAnnouncer', () => {
  test.each([
    {
      name: 'late hello after a detection was claimed (preview chunk still loading): not sent',
      steps: ['claim', 'idle', 'say'] as const,
      sent: [preview],
    },
    {
      name: 'late hello after the preview was announced: not sent',
      steps: ['claim', 'say', 'idle'] as const,
      sent: [preview],
    },
    {
      name: 'a page without a preview: the hello is sent',
      steps: ['idle'] as const,
      sent: [null],
    },
    {
      name: 'hello first, then a preview appears: both, in order',
      steps: ['idle', 'claim', 'say'] as const,
      sent: [null, preview],
    },
  ])('$name', async ({ steps, sent }) => {
    const announce = vi.fn(async (_: PreviewInfo | null) => undefined);
    const announcer = frameAnnouncer(announce);
    for (const step of steps) {
      if (step === 'claim') announcer.claim();
      else if (step === 'say') await announcer.say(preview);
      else await announcer.sayIfSilent();
    }
    expect(announce.mock.calls.map(([p]) => p)).toEqual(sent);
  });
});

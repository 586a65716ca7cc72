/**
 * Which frames of this tab run Clickmap Lens, and how many links each holds.
 * Shown in the panel's diagnostics section: when badges are missing on a
 * preview, this says whether the preview frame was reached at all.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { FrameRecord } from '../utils/messaging/protocol.ts';

function frameLabel(frame: FrameRecord): string {
  if (frame.isTop) return 'page';
  if (frame.url === 'about:srcdoc') return 'srcdoc frame';
  if (frame.url.startsWith('about:')) return `${frame.url} frame`;
  return 'frame';
}

export function FramesStatus({ frames }: { frames: ReadonlySignal<FrameRecord[]> }) {
  return (
    <section class="frames" aria-label="Frames reached">
      <h3>Frames reached: {frames.value.length}</h3>
      <ul>
        {frames.value.map((frame) => (
          <li key={frame.frameId} data-frame-id={frame.frameId} data-origin={frame.origin}>
            <span class="frame-kind">{frameLabel(frame)}</span>{' '}
            <span class="frame-title">{frame.title || frame.url}</span>{' '}
            <span class="frame-links">({frame.linkCount} links)</span>{' '}
            <span class="frame-preview" data-profile={frame.preview?.profileId ?? ''}>
              {frame.preview ? `email preview: ${frame.preview.profileName}` : 'no email preview'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

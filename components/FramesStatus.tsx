/**
 * Which frames of this tab run Clickmap Lens, and how many links each holds.
 * Shown in the panel's diagnostics section: when badges are missing on a
 * preview, this says whether the preview frame was reached at all.
 */
import type { ReadonlySignal } from '@preact/signals';
import { t, tn } from '../utils/i18n/i18n.ts';
import type { FrameRecord } from '../utils/messaging/protocol.ts';

function frameLabel(frame: FrameRecord): string {
  if (frame.isTop) return t('frameKindPage');
  if (frame.url === 'about:srcdoc') return t('frameKindSrcdoc');
  if (frame.url.startsWith('about:')) return t('frameKindAbout', frame.url);
  return t('frameKindFrame');
}

export function FramesStatus({ frames }: { frames: ReadonlySignal<FrameRecord[]> }) {
  return (
    <section class="frames" aria-label={t('framesReachedLabel')}>
      <h3>{t('framesReached', String(frames.value.length))}</h3>
      <ul>
        {frames.value.map((frame) => (
          <li key={frame.frameId} data-frame-id={frame.frameId} data-origin={frame.origin}>
            <span class="frame-kind">{frameLabel(frame)}</span>{' '}
            <span class="frame-title">{frame.title || frame.url}</span>{' '}
            <span class="frame-links">({tn('linkCount', frame.linkCount)})</span>{' '}
            <span class="frame-preview" data-profile={frame.preview?.profileId ?? ''}>
              {frame.preview ? t('framePreview', frame.preview.profileName) : t('frameNoPreview')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

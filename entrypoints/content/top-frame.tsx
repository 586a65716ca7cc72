/**
 * The top frame: keeps the tab's frame list (pushed by the background) and
 * mounts the panel in our own shadow root, on the page's <html> element rather
 * than inside <body>, so an email-as-page keeps its body untouched.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { FramesStatus } from '../../components/FramesStatus.tsx';
import { sendToBackground, serveContent } from '../../utils/browser/messaging.ts';
import type { FrameRecord } from '../../utils/messaging/protocol.ts';

export const UI_TAG = 'clickmap-lens-ui';

const PANEL_CSS = `
:host { position: fixed; top: 12px; right: 12px; z-index: 2147483647; }
.panel { font: 13px/1.4 system-ui, sans-serif; background: Canvas; color: CanvasText;
  border: 1px solid GrayText; border-radius: 8px; padding: 8px 12px; max-width: 360px;
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.2); color-scheme: light dark; }
.panel[hidden] { display: none; }
h2 { font-size: 14px; margin: 0 0 4px; }
h3 { font-size: 12px; margin: 4px 0; }
ul { margin: 0; padding-left: 16px; }
`;

export function startTopFrame(ctx: ContentScriptContext): void {
  const frames = signal<FrameRecord[]>([]);
  const visible = signal(true);
  let mounted = false;

  const mount = async () => {
    if (mounted || ctx.signal.aborted) return;
    mounted = true;
    const ui = await createShadowRootUi(ctx, {
      name: UI_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: PANEL_CSS,
      mode: 'open',
      isolateEvents: true,
      onMount: (container) => {
        render(
          <div
            class="panel"
            role="complementary"
            aria-label="Clickmap Lens"
            hidden={!visible.value}
          >
            <h2>Clickmap Lens</h2>
            <FramesStatus frames={frames} />
          </div>,
          container,
        );
      },
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
  };

  serveContent(
    {
      framesChanged: ({ frames: list }) => {
        frames.value = list;
        void mount();
        return { shown: list.length };
      },
      toggleOverlay: () => {
        visible.value = !visible.value;
        void mount();
        return { visible: visible.value };
      },
    },
    ctx.signal,
  );

  // Frames that announced before this listener existed.
  sendToBackground('listFrames', {})
    .then(({ frames: list }) => {
      if (list.length > frames.value.length) frames.value = list;
    })
    .catch(() => {});
}

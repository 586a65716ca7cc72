/**
 * The preview runtime keeps the badges when the webmail re-renders the same
 * email (SOGo's "Load images", a root replaced by an identical copy): the
 * panel sees the same links and sends nothing, so the frame must move the
 * badges to the new elements itself. Another email clears them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Detection } from '../../utils/detection/types.ts';
import type { BadgeView } from '../../utils/overlay/badge-model.ts';
import type { BadgeLayer, LinkElements } from '../../components/badge-layer/badge-layer.ts';
import { createPreviewRuntime, type PreviewRuntime } from './preview-runtime.ts';

const EMAIL = `<div class="mailer_htmlcontent">
  <a href="https://shop.example/a">Read the story</a>
  <a href="https://shop.example/b"><img src="hero.png" alt="Hero"></a>
</div>`;
const BADGES: BadgeView[] = [0, 1].map((ordinal) => ({
  ordinal,
  label: `${ordinal + 1} · 50.00%`,
  title: '',
  heat: 0.5,
  duplicate: null,
  state: 'matched',
  color: '#cc4778',
  textColor: '#000000',
}));

/** Records what the runtime asks of its layer; `shown` is what would be on screen. */
function fakeLayer() {
  const calls: string[] = [];
  let shown: { badges: readonly BadgeView[]; links: Element[] } | null = null;
  const layer = {
    host: document.createElement('div'),
    root: document.createElement('div').attachShadow({ mode: 'closed' }),
    draw(badges: readonly BadgeView[], links: LinkElements) {
      calls.push('draw');
      shown = { badges, links: [...(links as Element[])] };
      return { hidden: [] };
    },
    clear() {
      calls.push('clear');
      shown = null;
    },
    highlight() {},
    locate: () => true,
    setVisible() {},
    destroy() {},
  } satisfies BadgeLayer;
  return { layer, calls, shown: () => shown };
}

const root = () => document.querySelector('.mailer_htmlcontent')!;
const detection = (): Detection => ({
  profileId: 'sogo',
  roots: [root()],
  confidence: 0.9,
  reason: 'test',
});

let runtime: PreviewRuntime;
let fake: ReturnType<typeof fakeLayer>;
beforeEach(() => {
  document.body.innerHTML = EMAIL;
  fake = fakeLayer();
  runtime = createPreviewRuntime(document, new AbortController().signal, {
    createLayer: () => fake.layer,
  });
  runtime.describe(detection());
  runtime.run({ command: 'drawBadges', badges: BADGES, visible: true });
});

describe('preview runtime across re-renders', () => {
  it('the same email re-rendered (root replaced by an identical copy) keeps its badges, on the new links', () => {
    root().replaceWith(root().cloneNode(true));
    const info = runtime.describe(detection());
    expect(info?.links).toHaveLength(2);
    expect(fake.shown()?.badges).toEqual(BADGES);
    expect(fake.shown()?.links).toEqual([...root().querySelectorAll('a')]);
    expect(fake.shown()?.links.every((link) => link.isConnected)).toBe(true);
  });

  it('another email clears the badges (its numbers would be wrong)', () => {
    root().innerHTML = '<a href="https://other.example/x">Other</a>';
    root().replaceWith(root().cloneNode(true));
    runtime.describe(detection());
    expect(fake.shown()).toBeNull();
    expect(fake.calls.at(-1)).toBe('clear');
  });

  it('no email any more clears them; a cleared layer is not redrawn by a later re-render', () => {
    expect(runtime.describe(null)).toBeNull();
    expect(fake.shown()).toBeNull();
    runtime.describe(detection());
    expect(fake.shown()).toBeNull();
  });

  it('after the panel cleared the badges, a re-render draws nothing', () => {
    runtime.run({ command: 'clearBadges' });
    root().replaceWith(root().cloneNode(true));
    runtime.describe(detection());
    expect(fake.shown()).toBeNull();
  });
});

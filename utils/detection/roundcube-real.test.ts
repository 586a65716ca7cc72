// @vitest-environment jsdom
/**
 * Detection on pages captured from a real Roundcube 1.6.5 (Debian) by
 * test/e2e/roundcube/capture.ts: the preview pane's frame and the full view
 * are Roundcube previews whose root holds exactly the delivered links; the
 * top page around the preview pane is not itself a preview.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPreview } from './detect.ts';
import type { FrameInfo } from './types.ts';

const DIR = join(import.meta.dirname, '../../test/fixtures/sites/roundcube-real');
const ORIGIN = 'http://127.0.0.1:8089';

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(DIR, file), 'utf8'), 'text/html');
}

/** The hrefs of the delivered email's HTML part (base64, as deliver.ts writes it), in order. */
function deliveredHrefs(eml: string): string[] {
  const raw = readFileSync(join(DIR, eml), 'utf8');
  const part = /Content-Type: text\/html[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/i.exec(raw)?.[1] ?? '';
  const html = Buffer.from(part.replace(/\s+/g, ''), 'base64').toString('utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
}

const preview: FrameInfo = {
  isTop: false,
  url: `${ORIGIN}/?_task=mail&_action=preview&_uid=1&_framed=1`,
  origin: ORIGIN,
};
const fullView: FrameInfo = {
  isTop: true,
  url: `${ORIGIN}/?_task=mail&_action=show&_uid=1`,
  origin: ORIGIN,
};
const topPage: FrameInfo = {
  isTop: true,
  url: `${ORIGIN}/?_task=mail&_mbox=INBOX`,
  origin: ORIGIN,
};

describe.each([
  ['postmark-welcome', 5],
  ['goldstar-welcome', 18],
])('real Roundcube pages of %s', (campaign, linkCount) => {
  const hrefs = deliveredHrefs(`${campaign}.eml`);

  it('knows the delivered email', () => {
    expect(hrefs).toHaveLength(linkCount);
  });

  it.each([
    [`${campaign}.preview-frame.html`, preview],
    [`${campaign}.full-view.html`, fullView],
  ])('%s is a Roundcube preview whose root holds exactly the delivered links', (file, frame) => {
    const detection = detectPreview(load(file), frame);
    expect(detection?.profileId).toBe('roundcube');
    const rootHrefs = (detection?.roots ?? []).flatMap((root) =>
      [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    );
    expect(rootHrefs).toEqual(hrefs);
  });

  it('the top page around the preview pane is not a preview itself', () => {
    expect(detectPreview(load(`${campaign}.preview-top.html`), topPage)).toBeNull();
  });
});

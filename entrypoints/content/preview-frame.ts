/**
 * Every frame: watch for an email preview in this document (site profiles,
 * MutationObserver-driven), extract its link placements, announce them to the
 * background, and carry out the panel's commands (draw badges, highlight,
 * locate) in our own badge layer. Detection only reads; the layer draws
 * outside the email's DOM.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchForPreviews } from '../../utils/detection/watch.ts';
import { PROFILES } from '../../utils/detection/profiles.ts';
import type { Detection, FrameInfo } from '../../utils/detection/types.ts';
import { extractLinks, type LinkPlacement } from '../../utils/links/extract.ts';
import type { FrameCommand, PreviewInfo, PreviewLink } from '../../utils/messaging/protocol.ts';
import { announceFrame } from './announce.ts';
import { createBadgeLayer, type BadgeLayer } from './badge-layer.ts';

/** A link is visible when it, or something inside it (an image button), has a box. */
function measure(element: Element) {
  const rect = element.getBoundingClientRect();
  const boxes = [
    rect,
    ...[...element.querySelectorAll('img')].map((i) => i.getBoundingClientRect()),
  ];
  const visible = boxes.some((b) => b.width > 0 && b.height > 0);
  return { width: rect.width, height: rect.height, visible };
}

/** Placements of every root, numbered in document order across roots. */
function placementsOf(detection: Detection, base: string): LinkPlacement[] {
  const all = detection.roots.flatMap((root) => extractLinks(root, { base, measure }));
  return all.map((placement, ordinal) => ({ ...placement, ordinal }));
}

function previewLink(p: LinkPlacement): PreviewLink {
  const hidden = p.hiddenByStyle || p.box?.visible === false;
  return {
    ordinal: p.ordinal,
    linkId: p.linkId,
    href: p.href,
    text: p.text,
    kind: p.kind,
    hidden,
    unsafe: p.unsafe,
  };
}

function previewInfo(detection: Detection, placements: LinkPlacement[], base: string): PreviewInfo {
  const profile = PROFILES.find((p) => p.id === detection.profileId);
  return {
    profileId: detection.profileId,
    profileName: profile?.name ?? detection.profileId,
    confidence: detection.confidence,
    reason: detection.reason,
    base,
    links: placements.map(previewLink),
    subject: null,
    sender: null,
  };
}

export interface PreviewFrame {
  run(command: FrameCommand): boolean;
}

export function startPreviewFrame(ctx: ContentScriptContext, frame: FrameInfo): PreviewFrame {
  let placements: LinkPlacement[] = [];
  let layer: BadgeLayer | null = null;
  const base = document.baseURI;

  watchForPreviews(
    document,
    (detection) => {
      placements = detection ? placementsOf(detection, base) : [];
      layer?.clear();
      const preview = detection ? previewInfo(detection, placements, base) : null;
      void announceFrame(frame.isTop, ctx.signal, preview);
    },
    ctx.signal,
    { frameInfo: frame },
  );

  const ensureLayer = () => (layer ??= createBadgeLayer(document, { signal: ctx.signal }));
  const elements = () => placements.map((p) => p.element);

  return {
    run(command) {
      switch (command.command) {
        case 'drawBadges': {
          const badges = ensureLayer();
          badges.setVisible(command.visible);
          badges.draw(command.badges, elements());
          return true;
        }
        case 'setVisible':
          layer?.setVisible(command.visible);
          return layer !== null;
        case 'highlight':
          layer?.highlight(command.ordinal);
          return layer !== null;
        case 'locate':
          return ensureLayer().locate(command.ordinal);
        case 'clearBadges':
          layer?.clear();
          return true;
      }
    },
  };
}

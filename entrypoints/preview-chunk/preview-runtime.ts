/**
 * The part of a frame that only an email preview needs, loaded on demand: link
 * extraction over the detected roots, and the badge layer that carries out
 * the panel's commands (draw badges, highlight, locate) in our own layer,
 * outside the email's DOM.
 */
import { isInTextLink } from '../../utils/audit/in-text.ts';
import { PROFILES } from '../../utils/detection/profiles.ts';
import type { Detection } from '../../utils/detection/types.ts';
import { extractLinks, type LinkPlacement } from '../../utils/links/extract.ts';
import type { FrameCommand, PreviewInfo, PreviewLink } from '../../utils/messaging/protocol.ts';
import { readHeaderHints } from '../../utils/detection/header-hints.ts';
import type { BadgeView } from '../../utils/overlay/badge-model.ts';
import { createBadgeLayer, type BadgeLayer } from '../../components/badge-layer/badge-layer.ts';

/**
 * A link is visible when it, or something inside it (an image button), has a
 * box; whether it sits in a sentence decides the audit's tap-target rule.
 */
function measure(element: Element) {
  const rect = element.getBoundingClientRect();
  const images = [...element.querySelectorAll('img')].map((i) => i.getBoundingClientRect());
  const visible = [rect, ...images].some((b) => b.width > 0 && b.height > 0);
  return { width: rect.width, height: rect.height, visible, inText: isInTextLink(element) };
}

/** Placements of every root, numbered in document order across roots. */
function placementsOf(detection: Detection, base: string): LinkPlacement[] {
  const all = detection.roots.flatMap((root) => extractLinks(root, { base, measure }));
  return all.map((placement, ordinal) => ({ ...placement, ordinal }));
}

function previewLink(p: LinkPlacement): PreviewLink {
  return {
    ordinal: p.ordinal,
    linkId: p.linkId,
    href: p.href,
    text: p.text,
    textFrom: p.textFrom,
    kind: p.kind,
    // Only what styles hide: a box measured now may still grow (an image loading
    // late), and the badge layer re-measures visibility on every pass.
    hidden: p.hiddenByStyle,
    unsafe: p.unsafe,
    // Measured size, for the pre-send audit's tap-target rule (QA mode).
    box: p.box,
  };
}

/** What a placement list says (not which elements): equal for a re-render of the same email. */
function linksSignature(placements: readonly LinkPlacement[]): string {
  return JSON.stringify(placements.map((p) => [p.href, p.text, p.kind]));
}

export interface PreviewRuntimeOptions {
  /** The badge layer factory (tests pass a recording fake). */
  createLayer?: (doc: Document, signal: AbortSignal) => BadgeLayer;
}

export interface PreviewRuntime {
  /** Extracts the preview's placements (kept for drawing) and describes them for the panel. */
  describe(detection: Detection | null): PreviewInfo | null;
  run(command: FrameCommand): boolean;
}

export function createPreviewRuntime(
  doc: Document,
  signal: AbortSignal,
  options: PreviewRuntimeOptions = {},
): PreviewRuntime {
  const newLayer = options.createLayer ?? ((d, s) => createBadgeLayer(d, { signal: s }));
  let placements: LinkPlacement[] = [];
  let roots: Element[] = [];
  let layer: BadgeLayer | null = null;
  /** The last badges drawn, and what the links said then. */
  let drawn: { badges: BadgeView[]; signature: string } | null = null;
  const ensureLayer = () => (layer ??= newLayer(doc, signal));

  return {
    describe(detection) {
      const base = doc.baseURI;
      placements = detection ? placementsOf(detection, base) : [];
      roots = detection?.roots ?? [];
      // A webmail re-rendering the same email (SOGo's "Load images", a re-sanitised
      // root) announces the same links, so the panel sends nothing new: the badges
      // move to the new elements here. Another email clears them.
      if (layer && drawn && detection && drawn.signature === linksSignature(placements)) {
        layer.draw(
          drawn.badges,
          placements.map((p) => p.element),
          roots,
        );
      } else {
        layer?.clear();
        drawn = null;
      }
      if (!detection) return null;
      return {
        profileId: detection.profileId,
        profileName:
          PROFILES.find((p) => p.id === detection.profileId)?.name ?? detection.profileId,
        confidence: detection.confidence,
        reason: detection.reason,
        base,
        links: placements.map(previewLink),
        // Webmails show subject and sender beside the body; they sharpen the API's match.
        ...readHeaderHints(doc),
      };
    },
    run(command) {
      switch (command.command) {
        case 'drawBadges': {
          const badges = ensureLayer();
          drawn = { badges: command.badges, signature: linksSignature(placements) };
          badges.setVisible(command.visible);
          badges.draw(
            command.badges,
            placements.map((p) => p.element),
            roots,
          );
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
          drawn = null;
          layer?.clear();
          return true;
      }
    },
  };
}

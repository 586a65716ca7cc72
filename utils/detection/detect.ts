/**
 * Preview detection: decides, for one frame's document, whether it is (or
 * contains) an email preview and where the email body roots are. Pure: it
 * only reads the document it is given (no writes, no globals, no timers) and
 * never throws, whatever the page does (hostile pages can clobber DOM APIs).
 *
 * Order: candidate profiles come from the frame alone (host, URL, top/child)
 * so most profiles rule themselves out without touching the DOM; each
 * remaining profiles are ruled out together by one querySelector (every
 * element profile's probe and the email gate in one selector list, see
 * prefilterOf); only when it matches does each profile try its own probe, and
 * document profiles their gate before scoring.
 */
import { EMAIL_GATE_SELECTOR, passesEmailGate, scoreEmailDocument } from './email-signals.ts';
import { PROFILES, probeSelector } from './profiles.ts';
import { usableBody, usableRoots } from './roots.ts';
import type {
  Detection,
  DocumentProfile,
  ElementProfile,
  FrameInfo,
  SiteProfile,
} from './types.ts';
import { frameHost, hostMatches, isExtensionUrl, urlMatches } from './url-match.ts';

function inFrameScope(profile: SiteProfile, frame: FrameInfo): boolean {
  return profile.frame === 'any' || (profile.frame === 'top') === frame.isTop;
}

/**
 * Profiles worth trying in this frame, highest priority first. A host owned by
 * a hosted webmail gets only that webmail's profiles (possibly none for this
 * frame), never the heuristics: their app pages are large and never emails.
 */
export function profileForFrame(
  frame: FrameInfo,
  profiles: readonly SiteProfile[] = PROFILES,
): SiteProfile[] {
  if (isExtensionUrl(frame.url)) return [];
  const host = frameHost(frame);
  const owners = profiles.filter(
    (p) => p.hostRequired && p.hosts !== undefined && hostMatches(host, p.hosts),
  );
  const pool = owners.length > 0 ? owners : profiles.filter((p) => !p.hostRequired);
  return pool.filter(
    (p) => inFrameScope(p, frame) && (p.urls === undefined || urlMatches(frame, p.urls) !== null),
  );
}

function matchElements(profile: ElementProfile, doc: Document): Detection | null {
  if (doc.querySelector(probeSelector(profile)) === null) return null;
  for (const rule of profile.roots) {
    const roots = usableRoots(doc.querySelectorAll(rule.selector));
    if (roots.length === 0) continue;
    const reason = `${profile.name}: ${rule.selector} matched ${roots.length} root(s)`;
    return { profileId: profile.id, roots, confidence: profile.confidence, reason };
  }
  return null;
}

function matchDocument(
  profile: DocumentProfile,
  doc: Document,
  frame: FrameInfo,
): Detection | null {
  const body = usableBody(doc);
  if (!body || (profile.requireGate && !passesEmailGate(doc))) return null;
  const score = scoreEmailDocument(doc, profile.minEmailScore);
  if (!score || score.total < profile.minEmailScore) return null;
  const margin = score.total - profile.minEmailScore;
  const confidence = profile.requireGate
    ? Math.min(0.9, profile.confidence + 0.03 * margin)
    : profile.confidence;
  const url = profile.urls ? urlMatches(frame, profile.urls) : null;
  const why = url ? `URL ${url.pattern.source}, ` : '';
  const reason = `${profile.name}: ${why}email score ${score.total} [${score.signals.join(' ')}]`;
  return { profileId: profile.id, roots: [body], confidence, reason };
}

/** Matches one profile against a document, ignoring host/URL/frame scope (see profileForFrame). */
export function matchProfile(
  profile: SiteProfile,
  doc: Document,
  frame: FrameInfo,
): Detection | null {
  return profile.kind === 'elements'
    ? matchElements(profile, doc)
    : matchDocument(profile, doc, frame);
}

interface Prefilter {
  /** Selector list: every element profile's probe, plus the email gate when it decides. */
  selector: string;
  /** No match means no profile in the list can match (every document profile is gated). */
  decides: boolean;
}
const prefilters = new Map<string, Prefilter>();

/**
 * One selector list for a frame's profiles: on a page that is none of them
 * (most pages), one document walk rules them all out, instead of one walk per
 * profile probe plus one for the email gate.
 */
export function prefilterOf(profiles: readonly SiteProfile[]): Prefilter {
  const key = profiles.map((p) => p.id).join(' ');
  let prefilter = prefilters.get(key);
  if (prefilter === undefined) {
    const documents = profiles.filter((p) => p.kind === 'document');
    const decides = documents.every((p) => p.requireGate);
    const probes = profiles.flatMap((p) => (p.kind === 'elements' ? [probeSelector(p)] : []));
    if (decides && documents.length > 0) probes.push(EMAIL_GATE_SELECTOR);
    prefilter = { selector: probes.join(', '), decides };
    prefilters.set(key, prefilter);
  }
  return prefilter;
}

export function detectPreview(doc: Document, frameInfo: FrameInfo): Detection | null {
  try {
    const profiles = profileForFrame(frameInfo);
    const { selector, decides } = prefilterOf(profiles);
    const hit = selector !== '' && doc.querySelector(selector) !== null;
    if (!hit && decides) return null;
    for (const profile of profiles) {
      if (profile.kind === 'elements' && !hit) continue;
      const detection = matchProfile(profile, doc, frameInfo);
      if (detection) return detection;
    }
  } catch {
    // A page can break DOM APIs (clobbered document properties, detached documents): treat as "no preview".
  }
  return null;
}

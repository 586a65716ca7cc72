/**
 * Public API of preview detection (pure) and the SPA watcher (impure, see watch.ts).
 */
export { detectPreview, matchProfile, profileForFrame } from './detect.ts';
export { passesEmailGate, scoreEmailDocument } from './email-signals.ts';
export type { EmailScore } from './email-signals.ts';
export { isOwnUi, OWN_UI_ATTR, OWN_UI_SELECTOR, OWN_UI_TAG } from './own-ui.ts';
export { PROFILES, probeSelector } from './profiles.ts';
export { frameHost, hostMatches } from './url-match.ts';
export type * from './types.ts';

/**
 * Which DOM changes can change a detection, so the watcher wakes only for
 * those (issue 11, "cheap where it runs"). Busy single-page apps change all
 * the time: a counter's text, a grid's rows, a webmail's list and clock.
 *
 * - Text alone never makes or breaks a preview (detection reads elements and
 *   links), except a <style>'s text (email-client CSS is a signal).
 * - Changes inside our own UI never count (drawing must not wake us).
 * - Once an element profile found the email's roots, the scope narrows to
 *   them: a change inside a root (the next message swapped in, a re-render),
 *   a root leaving the document, or an element arriving or changing that the
 *   profile's own selectors match (another message opened). Whatever else
 *   the app does around the message is not looked at again.
 *
 * Reads only; each record costs at most one selector match per added node.
 */
import { isOwnUi } from './own-ui.ts';
import { PROFILES, probeSelector } from './profiles.ts';
import type { Detection } from './types.ts';

/** What the watcher listens for: everything, or the surroundings of found roots. */
export interface WatchScope {
  roots: readonly Element[];
  /** Selector list of the found profile's root rules. */
  probe: string;
}

const ELEMENT = 1;
const TEXT = 3;

/** The narrowed scope of a detection; null (watch everything) for none or a whole-document one. */
export function scopeOf(detection: Detection | null): WatchScope | null {
  if (!detection) return null;
  const profile = PROFILES.find((p) => p.id === detection.profileId);
  if (profile?.kind !== 'elements') return null;
  const body = detection.roots[0]?.ownerDocument.body;
  if (detection.roots.some((root) => root === body)) return null;
  return { roots: detection.roots, probe: probeSelector(profile) };
}

const isOwnUiNode = (node: Node): boolean => node.nodeType === ELEMENT && isOwnUi(node as Element);

function nodesOf(record: MutationRecord): Node[] {
  return [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
}

/** Relevant to a frame where nothing (or a whole document) was found. */
function relevantAnywhere(record: MutationRecord): boolean {
  const target = record.target;
  if (target.nodeType === ELEMENT && isOwnUi(target as Element)) return false;
  if (record.type !== 'childList') return true;
  const nodes = nodesOf(record);
  if (nodes.length === 0) return true;
  const textOnly = nodes.every((node) => node.nodeType === TEXT);
  if (textOnly) return target.nodeName === 'STYLE';
  return !nodes.every((node) => node.nodeType === TEXT || isOwnUiNode(node));
}

function matchesProbe(node: Node, probe: string): boolean {
  if (node.nodeType !== ELEMENT || isOwnUiNode(node)) return false;
  const element = node as Element;
  return element.matches(probe) || element.querySelector(probe) !== null;
}

/** Relevant to a frame whose element roots were found. */
function relevantAround(record: MutationRecord, scope: WatchScope): boolean {
  const target = record.target;
  if (scope.roots.some((root) => root.contains(target))) return relevantAnywhere(record);
  if (record.type === 'attributes') return matchesProbe(target, scope.probe);
  return Array.from(record.addedNodes).some((node) => matchesProbe(node, scope.probe));
}

/** True when any record of the batch can change what detection finds. */
export function anyRelevant(records: readonly MutationRecord[], scope: WatchScope | null): boolean {
  if (!scope) return records.some(relevantAnywhere);
  // A root detached by an ancestor's removal: one check per batch, not per record.
  if (scope.roots.some((root) => !root.isConnected)) return true;
  return records.some((record) => relevantAround(record, scope));
}

/**
 * Matching by placement, for tracking formats whose token differs per reader
 * by design (SendGrid upn, Brevo, HubSpot, Constant Contact, Mimecast…: the
 * table's perReader flag). A received copy's keys never equal the registered
 * copy's, so a row pairs with a placement of the same provider by where and
 * what the link is:
 * - text / alt: the same link text, or the same image alt for an image link;
 * - order: the same rank among that provider's links, between two links that
 *   agree (an order-preserving alignment, so an added or removed link shifts
 *   nothing around it);
 * - position: the same place in the email's layout (document ordinal).
 * Links whose text differs and whose stretch of the alignment has a different
 * count on each side stay unmatched (listed, never guessed). The confidence
 * combines the evidence used, and the evidence is returned with it.
 */
import type { ClickMapLinkRow } from '../report/report-types.ts';
import { cleanText } from './clean.ts';

export type PlacementEvidence = 'text' | 'alt' | 'order' | 'position';

export interface PlacementProof {
  evidence: PlacementEvidence[];
  /** 1 − Π(1 − weight) over the evidence used, rounded to 0.01. */
  confidence: number;
}

/** Weights: text names the link; alt less surely (stock alts repeat); order and position only place it. */
const WEIGHT: Record<PlacementEvidence, number> = {
  text: 0.8,
  alt: 0.7,
  order: 0.5,
  position: 0.3,
};

export function proofOf(evidence: PlacementEvidence[]): PlacementProof {
  const miss = evidence.reduce((product, e) => product * (1 - WEIGHT[e]), 1);
  return { evidence, confidence: Math.round((1 - miss) * 100) / 100 };
}

export interface PlacementSide {
  ordinal: number;
  text: string;
  /** Where `text` came from: an image link's alt is weaker evidence than visible text. */
  textFrom?: 'text' | 'alt' | 'label';
}

export interface PlacementPair {
  row: number;
  placement: number;
  proof: PlacementProof;
}

/** Above this many cells the alignment is skipped for a linear in-order text match. */
const MAX_ALIGNMENT_CELLS = 1_000_000;

/**
 * Pairs rows with placements (indexes into the given arrays, both in the
 * email's order) of one provider's per-reader links.
 */
export function pairByPlacement(
  rows: readonly Pick<ClickMapLinkRow, 'name' | 'ordinal'>[],
  placements: readonly PlacementSide[],
): PlacementPair[] {
  const rowText = rows.map((r) => cleanText(r.name));
  const pageText = placements.map((p) => cleanText(p.text));
  const anchors = align(rowText, pageText);
  const pairs = new Map<number, PlacementPair>();
  const add = (row: number, placement: number, evidence: PlacementEvidence[]) => {
    const p = placements[placement]!;
    if (rows[row]!.ordinal === p.ordinal) evidence.push('position');
    pairs.set(row, { row, placement, proof: proofOf(evidence) });
  };
  const textEvidence = (placement: number): PlacementEvidence =>
    placements[placement]!.textFrom === 'alt' ? 'alt' : 'text';
  for (const [row, placement] of anchors) add(row, placement, [textEvidence(placement), 'order']);

  // Moved links: a text that is left exactly once on each side.
  const freeRows = () => rows.map((_r, i) => i).filter((i) => !pairs.has(i));
  const usedPlacements = () => new Set([...pairs.values()].map((p) => p.placement));
  const used = usedPlacements();
  const freePage = placements.map((_p, i) => i).filter((i) => !used.has(i));
  for (const row of freeRows()) {
    const text = rowText[row]!;
    if (text === '') continue;
    const sameRows = freeRows().filter((i) => rowText[i] === text);
    const samePage = freePage.filter((i) => pageText[i] === text);
    if (sameRows.length !== 1 || samePage.length !== 1) continue;
    add(row, samePage[0]!, [textEvidence(samePage[0]!)]);
    freePage.splice(freePage.indexOf(samePage[0]!), 1);
  }

  // Edited links: between two agreeing links, equal counts pair in order.
  const taken = usedPlacements();
  const anchorsInOrder = [...pairs.values()]
    .filter((p) => p.proof.evidence.includes('order'))
    .sort((a, b) => a.row - b.row);
  const bounds = [{ row: -1, placement: -1 }, ...anchorsInOrder];
  bounds.push({ row: rows.length, placement: placements.length } as PlacementPair);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i]!, bounds[i + 1]!];
    const gapRows = range(from.row + 1, to.row).filter((r) => !pairs.has(r));
    const gapPage = range(from.placement + 1, to.placement).filter((p) => !taken.has(p));
    if (gapRows.length !== gapPage.length) continue;
    gapRows.forEach((row, k) => add(row, gapPage[k]!, ['order']));
  }
  return [...pairs.values()].sort((a, b) => a.row - b.row);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_v, i) => from + i);
}

/** Longest common subsequence of equal, non-empty texts: [row, placement] pairs in order. */
function align(a: readonly string[], b: readonly string[]): [number, number][] {
  if (a.length * b.length > MAX_ALIGNMENT_CELLS) return greedyInOrder(a, b);
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * width + j] =
        a[i] !== '' && a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
  const pairs: [number, number][] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] !== '' && a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function greedyInOrder(a: readonly string[], b: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const at = b.indexOf(a[i]!, j);
    if (a[i] === '' || at < 0) continue;
    pairs.push([i, at]);
    j = at + 1;
  }
  return pairs;
}

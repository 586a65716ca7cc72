/**
 * What the lens shows in a real webmail, read through the e2e harness: badge
 * labels (top document or a same-origin email iframe) and the panel's
 * template line.
 */
import type { TestPage } from '../harness/browsers.ts';
import { readBadgesIn, readPanel } from '../harness/overlay-dom.ts';

/** Badge labels in link order, hidden ones included (links scrolled out of the email's box hide theirs). */
export async function badgeLabels(page: TestPage, frame: string | null): Promise<string[]> {
  return (await page.evaluate(readBadgesIn, frame)).map((b) => b.label);
}

/**
 * Waits until the labels start with `prefixes` one for one ("#3 7 · ":
 * link number and unique clicks), or times out; returns the labels cut to
 * the prefix where they fit, so a failed assertion shows what differs.
 */
export async function waitForLabels(
  page: TestPage,
  frame: string | null,
  prefixes: readonly string[],
  timeoutMs = 20_000,
): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  const fits = (labels: string[]) =>
    labels.length === prefixes.length && labels.every((l, i) => l.startsWith(prefixes[i]!));
  let labels = await badgeLabels(page, frame);
  while (!fits(labels) && Date.now() < until) {
    await new Promise((ok) => setTimeout(ok, 250));
    labels = await badgeLabels(page, frame);
  }
  return labels.map((l, i) => (prefixes[i] && l.startsWith(prefixes[i]) ? prefixes[i] : l));
}

/** The panel's "Template: …" line ('' when none is shown). */
export async function templateLine(page: TestPage): Promise<string> {
  return (await page.evaluate(readPanel, undefined))?.template ?? '';
}

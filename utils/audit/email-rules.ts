/**
 * Audit rules that compare the placements of one email: no unsubscribe link,
 * links without UTM parameters where others have them, and one destination
 * reached by links with different texts (a per-URL report merges them).
 */
import type { AuditFinding, AuditPlacement } from './types.ts';
import { label } from './placement-rules.ts';
import { t } from '../i18n/i18n.ts';

function httpUrl(href: string): URL | null {
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Content links: absolute http(s), not unsubscribe / view-in-browser pages, not wholly personalised. */
function contentLinks(placements: readonly AuditPlacement[]): { p: AuditPlacement; url: URL }[] {
  const links: { p: AuditPlacement; url: URL }[] = [];
  for (const p of placements) {
    const url = p.kind === 'link' && !p.identity.dynamic ? httpUrl(p.href) : null;
    if (url) links.push({ p, url });
  }
  return links;
}

/** forEach, not [...keys()]: Firefox content scripts cannot spread URLSearchParams iterators. */
function hasUtm(url: URL): boolean {
  let found = false;
  url.searchParams.forEach((_value, key) => {
    if (key.toLowerCase().startsWith('utm_')) found = true;
  });
  return found;
}

export function missingUtmFindings(placements: readonly AuditPlacement[]): AuditFinding[] {
  const links = contentLinks(placements);
  const tagged = links.filter(({ url }) => hasUtm(url)).length;
  if (tagged === 0 || tagged === links.length) return [];
  return links
    .filter(({ url }) => !hasUtm(url))
    .map(({ p }) => ({
      rule: 'missing-utm' as const,
      severity: 'warning' as const,
      placementOrdinal: p.ordinal,
      message: t('qaMissingUtm', label(p), String(tagged), String(links.length)),
    }));
}

const normText = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

export function duplicateDestinationFindings(
  placements: readonly AuditPlacement[],
): AuditFinding[] {
  const byKey = new Map<string, AuditPlacement[]>();
  for (const { p } of contentLinks(placements)) {
    const group = byKey.get(p.identity.key) ?? [];
    group.push(p);
    byKey.set(p.identity.key, group);
  }
  const findings: AuditFinding[] = [];
  for (const group of byKey.values()) {
    // Image links without alt have no text: they do not count as a different name.
    const texts = [...new Set(group.map((p) => normText(p.text)).filter(Boolean))];
    const [first] = group;
    if (!first || texts.length < 2) continue;
    const numbers = group.map((p) => `#${p.ordinal + 1}`).join(', ');
    const quoted = [...new Set(group.map((p) => p.text.trim()).filter(Boolean))]
      .map((text) => `"${text}"`)
      .join(', ');
    findings.push({
      rule: 'duplicate-destination',
      severity: 'warning',
      placementOrdinal: first.ordinal,
      message: t('qaDuplicateDestination', numbers, quoted),
    });
  }
  return findings;
}

export function unsubscribeFindings(placements: readonly AuditPlacement[]): AuditFinding[] {
  if (placements.some((p) => p.kind === 'unsubscribe')) return [];
  return [
    {
      rule: 'no-unsubscribe',
      severity: 'warning',
      message: t('qaNoUnsubscribe'),
    },
  ];
}

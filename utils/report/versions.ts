/**
 * Template versions and campaign selection: a template's report sums every
 * campaign that used it; picking a version keeps only that version's campaigns.
 */
import type { Campaign, Placement, TemplateVersion } from './model.ts';
import type { VersionPeriod } from './report-types.ts';

/** Versions in first-use order; each is current until the next one's first use. */
export function versionPeriods(versions: TemplateVersion[], templateId: string): VersionPeriod[] {
  const ordered = versions
    .filter((v) => v.templateId === templateId)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return ordered.map((v, i) => ({
    versionId: v.id,
    contentHash: v.contentHash,
    from: v.createdAt,
    to: ordered[i + 1]?.createdAt ?? null,
  }));
}

/** Campaigns of the template, of one version when versionId is given (null/undefined: all). */
export function selectCampaigns(
  campaigns: Campaign[],
  templateId: string,
  versionId?: string | null,
): Campaign[] {
  return campaigns.filter(
    (c) => c.templateId === templateId && (versionId == null || c.versionId === versionId),
  );
}

/**
 * Placements of the selected versions, one per linkId; with several versions
 * the newest version's placement names the row (source link ids are expected
 * to be stable per position across versions).
 */
export function selectPlacements(
  versions: TemplateVersion[],
  templateId: string,
  versionId?: string | null,
): Placement[] {
  const byLinkId = new Map<string, Placement>();
  const chosen = versionPeriods(versions, templateId).filter(
    (p) => versionId == null || p.versionId === versionId,
  );
  for (const period of chosen) {
    const version = versions.find((v) => v.id === period.versionId);
    for (const placement of version?.placements ?? []) byLinkId.set(placement.linkId, placement);
  }
  return [...byLinkId.values()].sort((a, b) => a.ordinal - b.ordinal);
}

/** Every placement of the selected versions, oldest version first (same linkId may repeat). */
export function selectAllPlacements(
  versions: TemplateVersion[],
  templateId: string,
  versionId?: string | null,
): Placement[] {
  return versionPeriods(versions, templateId)
    .filter((p) => versionId == null || p.versionId === versionId)
    .flatMap((p) => versions.find((v) => v.id === p.versionId)?.placements ?? []);
}

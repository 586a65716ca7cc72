/**
 * User settings: the report sources (any of utils/sources/registry.ts, at
 * most one of each), which one is active, and report defaults.
 * Pure: parsing tolerates whatever storage holds (the pre-sources shape
 * {apiUrl, token}, hand edits) and always yields a complete Settings;
 * validation explains what is wrong. Source-specific checks: sources.ts.
 */
import type { SourceKind } from '../sources/source-report.ts';
import { checkSource, parseSource, SOURCE_KINDS, type SourceSettings } from './sources.ts';

export { checkApiUrl, originPattern, type UrlCheck } from './url-check.ts';

export interface Settings {
  /** Saved sources, one per kind at most, in SOURCE_KINDS order. */
  sources: SourceSettings[];
  /** The source reports come from; null: none chosen (QA mode still works). */
  activeSource: SourceKind | null;
  /**
   * Whether suspected machine (security scanner) clicks are counted. On by default: the
   * seeds' reading (Altcraft: "All clicks are counted"); off is the human-only view. The
   * panel's switch sets it (remembered).
   */
  includeMachineClicks: boolean;
  /**
   * Whether the subject and sender a webmail shows are sent with the links to
   * find the template (better matches); off: only the links are sent.
   */
  sendSubjectAndSender: boolean;
  /**
   * Hosts (page host names, possibly `*.` wildcards) where the lens runs: the
   * content script is registered for these only (utils/sites/sites.ts).
   */
  enabledSites: string[];
  /** Enabled hosts the user switched off for now: nothing runs there until switched on. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  sources: [],
  activeSource: null,
  includeMachineClicks: true,
  sendSubjectAndSender: true,
  enabledSites: [],
  disabledSites: [],
};

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

type Stored = Record<string, unknown>;

/** Sources as stored, or migrated from the single-API shape of earlier versions. */
function storedSources(s: Stored): SourceSettings[] {
  if (Array.isArray(s.sources)) {
    const parsed = s.sources.map(parseSource).filter((x): x is SourceSettings => x !== null);
    return SOURCE_KINDS.flatMap((kind) => parsed.find((p) => p.kind === kind) ?? []);
  }
  const apiUrl = typeof s.apiUrl === 'string' ? s.apiUrl : '';
  const token = typeof s.token === 'string' ? s.token : '';
  return apiUrl === '' && token === '' ? [] : [{ kind: 'clickmap-api', apiUrl, token }];
}

function storedActive(s: Stored, sources: readonly SourceSettings[]): SourceKind | null {
  // The old shape had no choice to make: its one API was the source when set.
  const wanted = Array.isArray(s.sources) ? s.activeSource : sources[0]?.kind;
  return sources.some((source) => source.kind === wanted) ? (wanted as SourceKind) : null;
}

export function parseSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Stored;
  const sources = storedSources(s);
  return {
    sources,
    activeSource: storedActive(s, sources),
    includeMachineClicks: s.includeMachineClicks !== false,
    sendSubjectAndSender: s.sendSubjectAndSender !== false,
    enabledSites: stringList(s.enabledSites),
    disabledSites: stringList(s.disabledSites),
  };
}

/**
 * `settings` with the machine-click choice of the panel's switch. The value comes
 * from a content script: anything but a boolean is refused.
 */
export function withMachineClicks(settings: Settings, include: unknown): Settings {
  if (typeof include !== 'boolean') throw new Error('includeMachineClicks must be true or false');
  return { ...settings, includeMachineClicks: include };
}

/** The active source's saved settings, if one is chosen. */
export function activeSourceSettings(settings: Settings): SourceSettings | null {
  return settings.sources.find((source) => source.kind === settings.activeSource) ?? null;
}

/** `settings` with `source` saved in place of the one of its kind (kinds kept in order). */
export function withSource(settings: Settings, source: SourceSettings): Settings {
  const others = settings.sources.filter((s) => s.kind !== source.kind);
  const sources = SOURCE_KINDS.flatMap((kind) =>
    kind === source.kind ? [source] : others.filter((s) => s.kind === kind),
  );
  return { ...settings, sources };
}

/** A source is chosen and its saved settings are complete and valid. */
export function isConfigured(settings: Settings): boolean {
  const source = activeSourceSettings(settings);
  return source !== null && checkSource(source).ok;
}

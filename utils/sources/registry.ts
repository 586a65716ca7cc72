/**
 * Every report source, one line each. A new source is one folder
 * (utils/sources/<kind>/: adapter, schemas, mapping, tests, and an index.ts
 * exporting its SourceDescriptor) plus one line here: the options page, the
 * settings, the connection check and the report loading all read this list.
 */
import type { SourceDeps } from './http.ts';
import type { SettingsBase, SourceCheck, SourceDescriptor } from './descriptor.ts';
import type { ReportSource } from './source.ts';
import { brevo } from './brevo/index.ts';
import { clickMapApi } from './clickmap-api/index.ts';
import { ghost } from './ghost/index.ts';
import { listmonk } from './listmonk/index.ts';
import { mailchimp } from './mailchimp/index.ts';
import { mautic } from './mautic/index.ts';

export const SOURCES = [clickMapApi, mailchimp, listmonk, mautic, brevo, ghost] as const;

type Registered = (typeof SOURCES)[number];

export type SourceKind = Registered['kind'];

/** The saved settings of any source (what the options page edits). */
export type SourceSettings = Registered extends infer D
  ? D extends SourceDescriptor<string, infer S, unknown>
    ? S
    : never
  : never;

/** The config of any source (what its adapter takes), with its kind. */
export type SourceConfig = Registered extends infer D
  ? D extends SourceDescriptor<string, never, infer C>
    ? C
    : never
  : never;

/**
 * A descriptor seen through its kind only. Settings and config are checked
 * per source inside its folder; here they are passed through untouched
 * (a config only ever reaches the descriptor whose check() made it).
 */
export type AnySource = SourceDescriptor<string, SettingsBase, { kind: string }>;

export const SOURCE_KINDS: readonly SourceKind[] = SOURCES.map((s) => s.kind);

export function sourceOf(kind: SourceKind): AnySource;
export function sourceOf(kind: string): AnySource | undefined;
export function sourceOf(kind: string): AnySource | undefined {
  return SOURCES.find((s) => s.kind === kind) as AnySource | undefined;
}

export function sourceLabel(kind: SourceKind): string {
  return sourceOf(kind).label;
}

export function checkSource(settings: SourceSettings): SourceCheck<SourceConfig> {
  return sourceOf(settings.kind).check(
    settings as unknown as SettingsBase,
  ) as SourceCheck<SourceConfig>;
}

export function createSource(config: SourceConfig, deps: SourceDeps): ReportSource {
  return sourceOf(config.kind).create(config, deps);
}

/**
 * The report sources a user can save (what the options page edits), read
 * from the source registry (utils/sources/registry.ts): the kinds, their
 * names, an empty source per kind and a tolerant parser for stored values,
 * both derived from each source's fields. Validation and the one host a
 * source may call are each source's check(). Credentials stay as typed.
 */
import type { FieldSpec } from '../sources/descriptor.ts';
import {
  checkSource,
  SOURCE_KINDS,
  SOURCES,
  sourceOf,
  type SourceKind,
  type SourceSettings,
} from '../sources/registry.ts';

export { checkSource, SOURCE_KINDS, type SourceSettings };
export type { SourceCheck } from '../sources/descriptor.ts';
export { mailchimpDataCenter } from '../sources/mailchimp/index.ts';

/** Each kind's name, read when used (a name may be translated: the catalog is not there at module load). */
export const SOURCE_LABELS = Object.defineProperties(
  {},
  Object.fromEntries(SOURCES.map((s) => [s.kind, { get: () => s.label, enumerable: true }])),
) as Record<SourceKind, string>;

/** A choice field's first choice, else ''. */
const defaultOf = (field: FieldSpec) => field.choices?.[0]?.value ?? '';

export function emptySource(kind: SourceKind): SourceSettings {
  const fields = sourceOf(kind).fields.map((f) => [f.key, defaultOf(f)]);
  return { kind, ...Object.fromEntries(fields) } as SourceSettings;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A stored source, or null when it is not one (unknown kind, not an object). */
export function parseSource(stored: unknown): SourceSettings | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const s = stored as Record<string, unknown>;
  const source = typeof s.kind === 'string' ? sourceOf(s.kind) : undefined;
  if (!source) return null;
  const fields = source.fields.map((f) => {
    const value = str(s[f.key]);
    const allowed = !f.choices || f.choices.some((c) => c.value === value);
    return [f.key, allowed ? value : defaultOf(f)];
  });
  return { kind: source.kind, ...Object.fromEntries(fields) } as SourceSettings;
}

/**
 * The `_locales/<lang>/messages.json` format and the substitution rules of
 * `i18n.getMessage`, for the node fallback (tests, scripts) and the checks:
 * a message names its placeholders as `$name$`, each placeholder's content
 * names a positional substitution (`$1`…`$9`), and `$$` is a literal `$`.
 * Pure: no `browser.*`.
 */

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalog = Record<string, MessageEntry>;

/** The suffixes of a plural message's keys: `<base>_<category>`, one per CLDR category of the locale. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const positional = (content: string, subs: readonly string[]): string =>
  content.replace(/\$(\d)/g, (_m, digit: string) => subs[Number(digit) - 1] ?? '');

/** What `i18n.getMessage(key, subs)` returns for this entry. */
export function renderMessage(entry: MessageEntry, subs: readonly string[]): string {
  const named = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name?: string) => {
    if (name === undefined) return '$';
    const content = named.get(name.toLowerCase());
    return content === undefined ? match : positional(content, subs);
  });
}

/** The placeholder names a message uses, in order of their positional substitution. */
export function placeholderSignature(entry: MessageEntry): string[] {
  return Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${p.content}=${name.toLowerCase()}`)
    .sort();
}

/**
 * Every UI string goes through here: `t(key, ...subs)` for a message,
 * `tn(base, count, ...subs)` for one with a count (its plural form picked by
 * the catalog language's CLDR rules: en one/other, fr one/many/other, ru
 * one/few/many/other). In the extension the messages come from
 * `_locales/<lang>/messages.json` through `i18n.getMessage` (content
 * scripts, options page, background alike); where there is no extension API
 * (node tests, scripts) from a catalog installed with `useCatalog` (the test
 * setup installs English). Keys are checked at type level against the
 * English file and by utils/i18n/catalogs.test.ts in every locale.
 */
import type en from '../../public/_locales/en/messages.json';
import { renderMessage, type Catalog } from './catalog.ts';

type AnyKey = keyof typeof en;
/** Bases of plural messages: `<base>_other` exists (and the other categories of each locale). */
export type PluralBase = AnyKey extends infer K
  ? K extends `${infer B}_other`
    ? B
    : never
  : never;
/** Keys of ordinary (non-plural) messages. */
export type MessageKey = Exclude<AnyKey, `${PluralBase}_${string}`>;

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

let fallback: { catalog: Catalog; uiLocale: string } | null = null;

/** Node / tests only: answer from this catalog as if the browser's UI were in `uiLocale`. */
export function useCatalog(catalog: Catalog | null, uiLocale = 'en'): void {
  fallback = catalog === null ? null : { catalog, uiLocale };
}

function extensionApi(): I18nApi | null {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const api = g.browser?.i18n ?? g.chrome?.i18n;
  return typeof api?.getMessage === 'function' ? api : null;
}

function lookup(key: string, subs: readonly string[]): string {
  if (fallback !== null) {
    const entry = fallback.catalog[key];
    if (entry === undefined) throw new Error(`No message "${key}" in the catalog`);
    return renderMessage(entry, subs);
  }
  const api = extensionApi();
  if (api === null) throw new Error(`No i18n API and no catalog for "${key}" (call useCatalog)`);
  return api.getMessage(key, [...subs]);
}

/** The message `key` with its substitutions ($1…$9, in order). */
export function t(key: MessageKey, ...subs: string[]): string {
  return lookup(key, subs);
}

/** The browser's UI locale (BCP 47): numbers, percentages and dates are formatted in it. */
export function uiLocale(): string {
  if (fallback !== null) return fallback.uiLocale;
  return extensionApi()?.getUILanguage() ?? 'en';
}

/** The language of the catalog the messages actually come from (its `locale` message). */
export function messagesLocale(): string {
  return lookup('locale', []) || 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();
const countFormats = new Map<string, Intl.NumberFormat>();

function formatCountIn(locale: string, count: number): string {
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(count);
}

/**
 * The plural message `base` for `count`: the form `<base>_<category>` of the
 * messages' language, with the count formatted in the UI locale as $1 and
 * `subs` as $2….
 */
export function tn(base: PluralBase, count: number, ...subs: string[]): string {
  const lang = messagesLocale();
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return lookup(`${base}_${rules.select(count)}`, [formatCountIn(uiLocale(), count), ...subs]);
}

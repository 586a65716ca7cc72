import { afterEach, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import ru from '../../public/_locales/ru/messages.json' with { type: 'json' };
import { renderMessage } from './catalog.ts';
import { messagesLocale, t, tn, uiLocale, useCatalog } from './i18n.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('renderMessage (the substitution rules of i18n.getMessage)', () => {
  it.each([
    ['Template: $NAME$', { name: { content: '$1' } }, ['Welcome'], 'Template: Welcome'],
    ['$A$ of $b$', { a: { content: '$2' }, B: { content: '$1' } }, ['x', 'y'], 'y of x'],
    ['costs $$5 for $N$', { n: { content: '$1' } }, ['you'], 'costs $5 for you'],
    ['$UNKNOWN$ stays', {}, [], '$UNKNOWN$ stays'],
    ['no subs', undefined, ['ignored'], 'no subs'],
  ])('%s', (message, placeholders, subs, expected) => {
    expect(renderMessage({ message, ...(placeholders ? { placeholders } : {}) }, subs)).toBe(
      expected,
    );
  });
});

describe('t and tn from a catalog (node)', () => {
  afterEach(() => useCatalog(en));

  it('reads the English catalog by default in tests', () => {
    expect(t('tabQa')).toBe('Check links');
    expect(t('headerTemplate', 'Welcome')).toBe('Template: Welcome');
    expect(messagesLocale()).toBe('en');
    expect(uiLocale()).toBe('en');
  });

  it('throws on a key no catalog has (a typo never shows as blank text)', () => {
    expect(() => t('noSuchKey' as 'tabQa')).toThrow(/noSuchKey/);
  });

  it.each([
    [en, 'en', 0, '0 links'],
    [en, 'en', 1, '1 link'],
    [en, 'en', 1234, '1,234 links'],
    [fr, 'fr', 0, '0 lien'],
    [fr, 'fr', 1, '1 lien'],
    [fr, 'fr', 2, '2 liens'],
    [fr, 'fr', 1_000_000, `1${NNBSP}000${NNBSP}000 de liens`],
    [ru, 'ru', 1, '1 ссылка'],
    [ru, 'ru', 3, '3 ссылки'],
    [ru, 'ru', 5, '5 ссылок'],
    [ru, 'ru', 11, '11 ссылок'],
    [ru, 'ru', 21, '21 ссылка'],
    [ru, 'ru', 22, '22 ссылки'],
    [ru, 'ru', 1234, `1${NBSP}234 ссылки`],
  ])('%#: %s plural of %i', (catalog, lang, count, expected) => {
    useCatalog(catalog, lang);
    expect(tn('linkCount', count)).toBe(expected);
  });

  it('formats the count in the UI locale, the form in the messages language', () => {
    // A German UI gets the English messages (default_locale) with German digits.
    useCatalog(en, 'de');
    expect(tn('linkCount', 1234)).toBe('1.234 links');
  });
});

describe('t through the extension API', () => {
  // WXT's vitest plugin puts its fakeBrowser on globalThis.browser: set both aside.
  const g = globalThis as { browser?: unknown; chrome?: unknown };
  const saved = { browser: g.browser, chrome: g.chrome };
  afterEach(() => {
    Object.assign(g, saved);
    useCatalog(en);
  });

  it('asks i18n.getMessage with the substitutions, and getUILanguage for the locale', () => {
    const calls: unknown[] = [];
    g.browser = undefined;
    g.chrome = {
      i18n: {
        getMessage: (name: string, subs?: string[]) => {
          calls.push([name, subs]);
          return name === 'locale' ? 'fr' : `«${name}:${(subs ?? []).join('|')}»`;
        },
        getUILanguage: () => 'fr-CA',
      },
    };
    useCatalog(null);
    expect(t('headerTemplate', 'Bienvenue')).toBe('«headerTemplate:Bienvenue»');
    expect(uiLocale()).toBe('fr-CA');
    expect(tn('linkCount', 2000000)).toBe(`«linkCount_many:2${NBSP}000${NBSP}000»`);
    expect(calls).toContainEqual(['headerTemplate', ['Bienvenue']]);
  });

  it('fails loudly without an API and without a catalog', () => {
    Object.assign(g, { browser: undefined, chrome: undefined });
    useCatalog(null);
    expect(() => t('tabQa')).toThrow(/useCatalog/);
  });
});

// @vitest-environment node
/**
 * The three catalogs say the same things: every key of English exists in
 * French and Russian with the same placeholders, plural messages carry
 * exactly the plural forms of their language, every placeholder a message
 * names is defined (and every defined one used), and French punctuation
 * takes its non-breaking space.
 */
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import ru from '../../public/_locales/ru/messages.json' with { type: 'json' };
import { placeholderSignature, PLURAL_CATEGORIES, type Catalog } from './catalog.ts';

const CATALOGS: Record<string, Catalog> = { en, fr, ru };
const pluralRe = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);

/** Plural messages grouped by base; the others by key. */
function shape(catalog: Catalog) {
  const plurals = new Map<string, string[]>();
  const simple: string[] = [];
  for (const key of Object.keys(catalog)) {
    const m = pluralRe.exec(key);
    if (m?.[1] !== undefined && m[2] !== undefined) {
      plurals.set(m[1], [...(plurals.get(m[1]) ?? []), m[2]]);
    } else simple.push(key);
  }
  return { plurals, simple: simple.sort() };
}

const enShape = shape(en);
/** Same text as English on purpose: names and abbreviations every language uses. */
const SAME_AS_ENGLISH = new Set([
  'extName',
  'frameKindPage',
  'colPosition',
  'qaColUrl',
  'severityInfo',
  'infoCount_one',
  'versionRange',
  'qaBadgeLine',
  'badgeCtr',
  'optSites',
  'metricCtr',
  'metricCtor',
  'colCtr',
  'colCtor',
  'keyEscape',
  'clickmapSourceName',
  'listmonkRefUuid',
]);

describe.each(Object.entries(CATALOGS))('%s catalog', (lang, catalog) => {
  const { plurals, simple } = shape(catalog);

  it('declares its language in "locale"', () => {
    expect(catalog.locale?.message).toBe(lang);
  });

  it('has exactly the English keys', () => {
    expect(simple).toEqual(enShape.simple);
    expect([...plurals.keys()].sort()).toEqual([...enShape.plurals.keys()].sort());
  });

  it('has exactly its language plural forms for every plural message', () => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [base, forms] of plurals) {
      expect({ base, forms: forms.sort() }).toEqual({ base, forms: [...categories].sort() });
    }
  });

  it('uses the English placeholders in every message', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      const enKey = pluralRe.exec(key)?.[1]?.concat('_other') ?? key;
      const enEntry = en[enKey as keyof typeof en] as Catalog[string] | undefined;
      expect({ key, sig: placeholderSignature(entry) }).toEqual({
        key,
        sig: placeholderSignature(enEntry ?? { message: '' }),
      });
    }
  });

  it('names only defined placeholders, and uses every one it defines', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) =>
        (m[1] ?? '').toLowerCase(),
      );
      // A plural form may leave its count ($1) out: the form itself says it ("(step 2)").
      const isPlural = pluralRe.test(key);
      const defined = Object.entries(entry.placeholders ?? {})
        .filter(([name, p]) => !(isPlural && p.content === '$1' && !used.includes(name)))
        .map(([name]) => name.toLowerCase());
      expect({ key, used: [...new Set(used)].sort() }).toEqual({ key, used: defined.sort() });
      for (const p of Object.values(entry.placeholders ?? {})) {
        expect(p.content).toMatch(/^\$[1-9]$/);
      }
      expect(entry.message.trim(), key).not.toBe('');
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  it.runIf(lang !== 'en')('is translated (no English text left in it)', () => {
    const untranslated = Object.entries(catalog)
      .filter(([key]) => !SAME_AS_ENGLISH.has(key) && key !== 'locale')
      .filter(([key, entry]) => entry.message === (en as Catalog)[key]?.message)
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe('French typography', () => {
  it('puts a non-breaking space before : ; ! ? and inside « »', () => {
    const bad = Object.entries(fr as Catalog)
      .filter(([, e]) => / [:;!?»]|« /.test(e.message.replace(/\$[A-Z0-9_]+\$/g, 'X')))
      .map(([key, e]) => `${key}: ${e.message}`);
    expect(bad).toEqual([]);
  });
});

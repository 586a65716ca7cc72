// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { STORE_MODE } from '../wxt.config.ts';

type Manifest = Record<string, unknown> & {
  browser_specific_settings?: { gecko?: Record<string, unknown> };
};
const manifestFor = (browser: string, mode: string): Manifest => {
  const make = config.manifest as (env: { browser: string; mode: string }) => Manifest;
  return make({ browser, mode });
};

describe('store-ready manifest', () => {
  it('keeps the pinned key for development and e2e builds only', () => {
    expect(manifestFor('chrome', 'production')).toHaveProperty('key');
    expect(manifestFor('chrome', 'development')).toHaveProperty('key');
    expect(manifestFor('chrome', STORE_MODE)).not.toHaveProperty('key');
    expect(manifestFor('firefox', 'production')).not.toHaveProperty('key');
  });

  it('declares Firefox data collection (what is sent to the configured API)', () => {
    const gecko = manifestFor('firefox', STORE_MODE).browser_specific_settings?.gecko;
    expect(gecko?.data_collection_permissions).toEqual({ required: ['websiteContent'] });
    expect(Number.parseFloat(String(gecko?.strict_min_version))).toBeGreaterThanOrEqual(140);
  });

  it('the zip script builds the store mode', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'));
    expect(pkg.scripts.zip).toContain(`wxt zip --mode ${STORE_MODE}`);
    expect(pkg.scripts.zip).toContain(`-b firefox --mv3 --mode ${STORE_MODE}`);
    expect(pkg.scripts['test:e2e']).toContain('npm run lint:firefox');
  });

  it.each(['chrome', 'firefox'])('%s: name, description and titles come from _locales', (b) => {
    const m = manifestFor(b, STORE_MODE) as Manifest & {
      action?: { default_title?: string };
      commands?: Record<string, { description?: string }>;
    };
    expect(m.default_locale).toBe('en');
    const fields = [m.name, m.description, m.action?.default_title];
    fields.push(...Object.values(m.commands ?? {}).map((c) => c.description));
    for (const field of fields) {
      const key = /^__MSG_(\w+)__$/.exec(String(field))?.[1];
      expect(key, String(field)).toBeDefined();
      for (const lang of ['en', 'fr', 'ru']) {
        const messages = JSON.parse(
          readFileSync(
            join(import.meta.dirname, `../public/_locales/${lang}/messages.json`),
            'utf8',
          ),
        );
        expect(messages[key ?? ''], `${lang} ${key}`).toHaveProperty('message');
      }
    }
  });

  it.each([16, 32, 48, 128])('ships a drawn %i px icon', (size) => {
    const png = readFileSync(join(import.meta.dirname, `../public/icon/${size}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });
});

// @vitest-environment node
/**
 * The built extensions' least-privilege promises (issue 11), read from the
 * build output the e2e tests run: no static content script for all sites,
 * no web-accessible file, no host permission a store build would ship, and a
 * content script that cannot read the settings (token, ESP secrets).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS } from './harness/browsers.ts';

for (const [name, dir] of Object.entries(BUILDS)) {
  describe(`built manifest (${name})`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;

    it('registers no content script statically and exposes no file to pages', () => {
      expect(manifest.content_scripts).toBeUndefined();
      expect(manifest.web_accessible_resources).toBeUndefined();
      expect(manifest.permissions).toEqual(['storage', 'scripting', 'activeTab']);
      // Hosts are asked one by one at run time; the e2e build is granted its test host only.
      expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
      expect([undefined, ['*://127.0.0.1/*']]).toContainEqual(manifest.host_permissions);
    });

    it('ships the content script the background registers, which never touches storage', () => {
      const content = join(dir, 'content-scripts/content.js');
      expect(existsSync(content)).toBe(true);
      expect(readFileSync(content, 'utf8')).not.toMatch(/\bstorage\b/);
    });
  });
}

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Public key pinning the Chromium extension id so e2e tests (and users' saved
// settings) see one stable id: chrome-extension://<EXTENSION_ID>/.
// Generated once for this project; the private half is not needed to load unpacked.
import { EXTENSION_KEY } from './utils/extension-id.ts';

/** `wxt zip --mode store`: the build the stores get. */
export const STORE_MODE = 'store';

/**
 * Test and demo builds only: hosts granted at install (CLICKMAP_GRANT_HOSTS=
 * "127.0.0.1,…"), because a headless browser cannot answer the permission
 * prompt the options page raises when a site is enabled. Store builds never
 * set it: they ask for each host when the user enables it.
 */
const grantedHosts = (process.env.CLICKMAP_GRANT_HOSTS ?? '')
  .split(',')
  .map((host) => host.trim())
  .filter(Boolean)
  .map((host) => `*://${host}/*`);

export default defineConfig({
  // Explicit imports everywhere: code in utils/ must also run in plain node.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser, mode }) => ({
    // Name, description and titles from public/_locales (en, fr, ru).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the content script is registered for the enabled hosts only
    // and its chunks are injected on request; activeTab: the toolbar button
    // opens the lens once in a tab of any other host.
    permissions: ['storage', 'scripting', 'activeTab'],
    // Each enabled site's host and the reporting API's host are granted at
    // run time from the options page, one host at a time.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // Test and demo builds only (never a store build): hosts granted at install.
    ...(grantedHosts.length > 0 && mode !== STORE_MODE ? { host_permissions: grantedHosts } : {}),
    // The Chrome Web Store refuses a manifest with `key`: store zips are built in
    // the `store` mode (`npm run zip`); development and e2e builds keep the key.
    ...(browser === 'chrome' && mode !== STORE_MODE ? { key: EXTENSION_KEY } : {}),
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'clickmap-lens@clickmap.dev',
              // data_collection_permissions: Firefox 140 (desktop), 142 (Android).
              strict_min_version: '140.0',
              // Firefox's install-time consent: the preview's links, subject and
              // sender are sent to the reporting API the user configures (to find
              // the template), nothing else and nowhere else.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
    action: { default_title: '__MSG_extName__' },
    // No web_accessible_resources: the content script's chunks are injected by
    // the background (utils/browser/chunk-loader.ts), never loadable by a page.
    commands: {
      'toggle-overlay': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandToggleOverlay__',
      },
    },
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});

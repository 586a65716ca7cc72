import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Public key pinning the Chromium extension id so e2e tests (and users' saved
// settings) see one stable id: chrome-extension://<EXTENSION_ID>/.
// Generated once for this project; the private half is not needed to load unpacked.
import { EXTENSION_KEY } from './utils/extension-id.ts';

/** `wxt zip --mode store`: the build the stores get. */
export const STORE_MODE = 'store';

export default defineConfig({
  // Explicit imports everywhere: code in utils/ must also run in plain node.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser, mode }) => ({
    name: 'Clickmap Lens',
    description:
      'Email click maps on email previews: heatmap badges on every link and a side panel with totals, chart, per-link table and export.',
    permissions: ['storage'],
    // The reporting API host is granted at runtime from the options page.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
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
    action: { default_title: 'Clickmap Lens' },
    // Parts of the content script loaded on demand (utils/browser/chunk-loader.ts).
    web_accessible_resources: [
      {
        resources: ['preview-chunk.js', 'panel-chunk.js', 'chart.js'],
        matches: ['<all_urls>'],
      },
    ],
    commands: {
      'toggle-overlay': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Show or hide the click map overlay',
      },
    },
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});

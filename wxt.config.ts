import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Public key pinning the Chromium extension id so e2e tests (and users' saved
// settings) see one stable id: chrome-extension://<EXTENSION_ID>/.
// Generated once for this project; the private half is not needed to load unpacked.
import { EXTENSION_KEY } from './utils/extension-id.ts';

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
  manifest: ({ browser }) => ({
    name: 'Clickmap Lens',
    description:
      'Email click maps on email previews: heatmap badges on every link and a side panel with totals, chart, per-link table and export.',
    // scripting: the content script is registered for the enabled hosts only
    // and its chunks are injected on request; activeTab: the toolbar button
    // opens the lens once in a tab of any other host.
    permissions: ['storage', 'scripting', 'activeTab'],
    // Each enabled site's host and the reporting API's host are granted at
    // run time from the options page, one host at a time.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(grantedHosts.length > 0 ? { host_permissions: grantedHosts } : {}),
    ...(browser === 'chrome' ? { key: EXTENSION_KEY } : {}),
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'clickmap-lens@clickmap.dev', strict_min_version: '128.0' } }
        : undefined,
    action: { default_title: 'Clickmap Lens' },
    // No web_accessible_resources: the content script's chunks are injected by
    // the background (utils/browser/chunk-loader.ts), never loadable by a page.
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

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Public key pinning the Chromium extension id so e2e tests (and users' saved
// settings) see one stable id: chrome-extension://<EXTENSION_ID>/.
// Generated once for this project; the private half is not needed to load unpacked.
import { EXTENSION_KEY } from './utils/extension-id.ts';

export default defineConfig({
  // Explicit imports everywhere: code in utils/ must also run in plain node.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Clickmap Lens',
    description:
      'Email click maps on email previews: heatmap badges on every link and a side panel with totals, chart, per-link table and export.',
    permissions: ['storage'],
    // The reporting API host is granted at runtime from the options page.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'chrome' ? { key: EXTENSION_KEY } : {}),
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'clickmap-lens@clickmap.dev', strict_min_version: '128.0' } }
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

/**
 * How this project starts Debian's browsers, shared by the e2e harness and
 * `npm run demo`. Without the networking flags Chromium opens connections
 * that a closed network refuses (update checks, sync, component updates).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Headless Chromium on this offline machine: no sandbox as root, no background connections. */
export const CHROMIUM_OFFLINE_ARGS: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The offline flags plus the unpacked extension to load. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...CHROMIUM_OFFLINE_ARGS,
  ];
}

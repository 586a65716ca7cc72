import { defineConfig } from 'vitest/config';

// End-to-end tests in real browsers (Debian chromium, firefox-esr) against the
// built extension in .output/. Run after `npm run build:all` (npm run test:e2e does).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    // Installs and starts the SOGo and Horde rigs in the background while other files run.
    globalSetup: ['test/e2e/rigs/warm-up.ts'],
    // Expected texts computed in node (e.g. the audit's findings) read the English catalog,
    // as the browsers' default UI locale shows them.
    setupFiles: ['test/setup/i18n.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Browsers are heavy on a 2-core machine: one file at a time.
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: happy-dom by default; files that touch DOMPurify opt into jsdom
// with a `// @vitest-environment jsdom` pragma (DOMPurify does not sanitize
// under happy-dom). End-to-end tests live in test/e2e and use vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.output/**', '.tools/**', 'test/e2e/**', 'bench/**'],
    testTimeout: 20_000,
    // Messages from the English catalog (no extension i18n API in node).
    setupFiles: ['test/setup/i18n.ts'],
  },
});

/**
 * Test-only: loads the provider response fixtures copied from the shared
 * corpus into test/fixtures/api (see PROVENANCE.md there). Resolved from the
 * project root (vitest's cwd): under happy-dom import.meta.url is not a file URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = join(process.cwd(), 'test', 'fixtures', 'api');

export function apiFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as unknown;
}

/**
 * Bytes the extension makes pages load, from the production build
 * (run `npm run build` first): the always-injected content script against
 * its 15 kB gzip budget, and the on-demand chunks beside it.
 *
 *   node bench/bundle-size.ts [.output/chrome-mv3]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
const BUDGET_GZIP = 15 * 1024;
const files = [
  ['content-scripts/content.js', 'always injected, every frame'],
  ['preview-chunk.js', 'on demand: frames holding an email'],
  ['panel-chunk.js', 'on demand: top frame with a preview'],
  ['chart.js', 'on demand: when the chart shows'],
  ['background.js', 'background worker'],
] as const;

console.log(`build: ${dir}`);
for (const [file, role] of files) {
  const bytes = readFileSync(join(dir, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(
    `${file.padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(7)} kB  ${(gz / 1024).toFixed(1).padStart(6)} kB gzip  ${role}`,
  );
}
const content = gzipSync(readFileSync(join(dir, files[0][0])), { level: 9 }).length;
console.log(
  `content script: ${(content / 1024).toFixed(1)} kB gzip = ${((100 * content) / BUDGET_GZIP).toFixed(0)}% of the 15 kB budget`,
);

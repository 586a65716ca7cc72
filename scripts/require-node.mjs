/* global process, console, URL */
// Plain JavaScript on purpose: it must run on the old Node it complains about
// (Node 20 cannot even load the project's .ts scripts). npm runs it before
// `demo`, `server` and `test` (package.json pre-scripts); `npm install` on an
// old Node stops earlier, on `engine-strict` in .npmrc.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REQUIRED_MAJOR = 24;

/** One line naming the Node this project needs, or null when `version` is new enough. */
export function nodeVersionProblem(version) {
  const major = Number(String(version).replace(/^v/, '').split('.')[0]);
  if (Number.isInteger(major) && major >= REQUIRED_MAJOR) return null;
  const nvmrc = new URL('../.nvmrc', import.meta.url);
  const pinned = readFileSync(nvmrc, 'utf8').trim() || String(REQUIRED_MAJOR);
  return (
    `Clickmap Lens needs Node ${REQUIRED_MAJOR} or newer; this is Node ${version}. ` +
    `Install Node ${pinned} (e.g. \`nvm install ${pinned}\`), then run \`npm install\` again.`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

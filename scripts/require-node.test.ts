// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from './require-node.mjs';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};

describe('newcomer on an old Node', () => {
  it.each(['20.20.2', 'v22.11.0', '18.0.0'])('Node %s gets one line naming Node 24', (v) => {
    const line = nodeVersionProblem(v);
    expect(line).toMatch(/needs Node 24 or newer; this is Node v?\d/);
    expect(line).toContain('nvm install 24');
    expect(line?.split('\n')).toHaveLength(1);
  });

  it.each(['24.0.0', 'v24.22.3', '25.1.0'])('Node %s passes', (v) => {
    expect(nodeVersionProblem(v)).toBeNull();
  });

  it('runs before every script a newcomer types, and npm install refuses early', () => {
    for (const name of ['demo', 'server', 'test']) {
      expect(pkg.scripts[`pre${name}`]).toBe('node scripts/require-node.mjs');
    }
    expect(pkg.engines.node).toBe('>=24');
    expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
  });

  it('exits 0 silently on this Node', () => {
    const run = spawnSync(process.execPath, ['scripts/require-node.mjs'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});

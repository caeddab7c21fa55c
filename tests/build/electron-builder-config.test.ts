import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder (app-builder-lib), which reads this same file.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load: (text: string) => unknown };

const root = fileURLToPath(new URL('../..', import.meta.url));
interface BuilderConfig {
  asar: boolean;
  files: string[];
  afterPack: string;
  npmRebuild: boolean;
  asarUnpack: string[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string; icon: string };
  win: { target: string[]; icon: string };
}
const config = yaml.load(readFileSync(`${root}build/electron-builder.yml`, 'utf8')) as BuilderConfig;

describe('build/electron-builder.yml', () => {
  it('packs only the built output and package.json, into an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('targets AppImage and deb, a hardened-runtime dmg, and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('rebuilds keytar for Electron and flips the fuses after packing', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.afterPack).toBe('build/fuses.cjs');
  });

  it('refers only to files that exist', () => {
    for (const path of [config.afterPack, config.mac.entitlements, config.mac.icon, config.win.icon, config.linux.icon]) {
      expect(existsSync(`${root}${path}`)).toBe(true);
    }
  });

  it('asks for no entitlement beyond JIT under the hardened runtime', () => {
    const plist = readFileSync(`${root}${config.mac.entitlements}`, 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });
});

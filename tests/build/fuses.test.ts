import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

interface PackContext {
  packager: { appInfo: { productFilename: string }; executableName: string };
  electronPlatformName: string;
  appOutDir: string;
}
interface FusesModule {
  FUSES: Record<number, boolean>;
  electronBinaryPath: (context: PackContext) => string;
  afterPack: (context: PackContext) => Promise<void>;
}

const require = createRequire(import.meta.url);
const fuses = require('../../build/fuses.cjs') as FusesModule;

describe('the afterPack fuses', () => {
  it.each([
    ['RunAsNode', FuseV1Options.RunAsNode, false],
    ['EnableNodeOptionsEnvironmentVariable', FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
    ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, false],
    ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, true],
    ['EnableEmbeddedAsarIntegrityValidation', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
    ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, true],
    ['GrantFileProtocolExtraPrivileges', FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  ] as const)('%s is %s', (_name, fuse, value) => {
    expect(fuses.FUSES[fuse]).toBe(value);
  });

  it('sets every fuse the library knows, so none is left to a default', () => {
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(Object.keys(fuses.FUSES).map(Number).sort()).toEqual([...known].sort());
  });

  it.each([
    ['linux', '/out/bitbucket-target-setup'],
    ['darwin', '/out/Bitbucket Target Setup.app'],
    ['win32', '/out/Bitbucket Target Setup.exe'],
  ])('finds the %s executable', (platform, path) => {
    const context = { packager: { appInfo: { productFilename: 'Bitbucket Target Setup' }, executableName: 'bitbucket-target-setup' }, electronPlatformName: platform, appOutDir: '/out' };
    expect(fuses.electronBinaryPath(context)).toBe(path);
  });
});

// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
// Fuses are compiled-in switches that no command-line flag or environment variable can turn back
// on. Every fuse of the wire is set explicitly (strictlyRequireAllFuses), so an Electron upgrade
// that adds a fuse fails packaging until someone decides its value here.

const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** The fuse values, as data for tests/build/fuses.test.ts and docs/security.md. */
const FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and local storage encrypted at rest with an OS-keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could inject --require of arbitrary code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app/ folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Not used by this app.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app serves its pages on app://, so file:// keeps no special privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default; a V8 hardening for WebAssembly bounds checks.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** The Electron executable inside the packed output, per platform. */
const electronBinaryPath = (context) => {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName);
  }
};

const afterPack = async (context) => {
  const binary = electronBinaryPath(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping fuses breaks the ad-hoc signature of arm64 macOS binaries; signing comes after.
    resetAdHocDarwinSignature: isMac,
    ...FUSES,
  });
  console.log(`fuses: set ${Object.keys(FUSES).length} fuses in ${binary}`);
};

module.exports = { FUSES, electronBinaryPath, afterPack, default: afterPack };

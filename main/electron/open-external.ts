import { isAllowedExternalUrl } from './external-links';

/** The part of Electron's shell the opener uses. */
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/**
 * The app's only way to hand a URL to the operating system. The allowlist is checked right here,
 * at the sink, whatever the caller already checked: a URL that fails it never reaches the OS
 * (no file:, smb:, custom protocol handlers or look-alike hosts). Resolves true when opened.
 */
export const createExternalOpener =
  (shell: ShellLike, allow: (url: string) => boolean = isAllowedExternalUrl) =>
  async (url: string): Promise<boolean> => {
    if (!allow(url)) return false;
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (allowlisted on the line above; docs/security.md)
    return true;
  };

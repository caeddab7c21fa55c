import { spawn } from 'node:child_process';

/** The platform's "open this URL" command. */
export const openCommandFor = (platform: NodeJS.Platform, url: string): { command: string; args: string[] } => {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      // Not `cmd /c start`: cmd would interpret & and ^ in the URL.
      return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
};

/**
 * Opens `url` in the system browser without waiting for it. A missing opener (no desktop on a jump
 * host) is a `{ ok: false }`, never a crash: the URL is already on stdout.
 */
export const openInBrowser = (url: string, platform: NodeJS.Platform = process.platform): Promise<{ ok: true } | { ok: false; reason: string }> =>
  new Promise((resolve) => {
    const { command, args } = openCommandFor(platform, url);
    let child;
    try {
      child = spawn(command, args, { detached: true, stdio: 'ignore' });
    } catch (cause) {
      resolve({ ok: false, reason: cause instanceof Error ? cause.message : String(cause) });
      return;
    }
    child.once('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, reason: e.code === 'ENOENT' ? `${command} is not installed` : e.message }));
    child.once('spawn', () => {
      child.unref();
      resolve({ ok: true });
    });
  });

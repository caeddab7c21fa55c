import { spawn } from 'node:child_process';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The command that opens `target` (a URL or a file:// URL): `$BROWSER` when set (one command, the
 * target as its only argument, as xdg-open and Python's webbrowser honour it), else the platform's
 * "open this" command.
 */
export const openCommandFor = (platform: NodeJS.Platform, target: string, env: Env = {}): { command: string; args: string[] } => {
  const browser = env['BROWSER']?.trim() ?? '';
  if (browser !== '') return { command: browser, args: [target] };
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [target] };
    case 'win32':
      // Not `cmd /c start`: cmd would interpret & and ^ in the URL.
      return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', target] };
    default:
      return { command: 'xdg-open', args: [target] };
  }
};

/**
 * Opens `target` in the system browser without waiting for it. A missing opener (no desktop on a
 * jump host) is a `{ ok: false }`, never a crash: the caller has already printed what to open.
 * The argument is readable by every local user (/proc/PID/cmdline): never pass a secret here.
 */
export const openInBrowser = (
  target: string,
  { platform = process.platform, env = process.env }: { readonly platform?: NodeJS.Platform; readonly env?: Env } = {},
): Promise<{ ok: true } | { ok: false; reason: string }> =>
  new Promise((resolve) => {
    const { command, args } = openCommandFor(platform, target, env);
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

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `serve --private-keyring`: a private D-Bus session with a throw-away, unlocked gnome-keyring for
// this run, for a headless jump host that runs no Secret Service. The keyring's password is random,
// written to the daemon's stdin (never argv, which every local user can read) and forgotten; its
// files live in a private temporary folder removed at the end, so the credentials last only as
// long as the run.

type Env = Readonly<Record<string, string | undefined>>;

export interface PrivateKeyring {
  /** The private session bus; the caller points this process's DBUS_SESSION_BUS_ADDRESS at it. */
  readonly busAddress: string;
  /** Stops the daemon and the bus, and removes the keyring's folder. */
  readonly close: () => Promise<void>;
}

export type PrivateKeyringStart = { readonly ok: true; readonly keyring: PrivateKeyring } | { readonly ok: false; readonly reason: string };

export const PRIVATE_KEYRING_START_TIMEOUT_MS = 10_000;

// Inside the private session: say where the bus is, then become the keyring daemon (in the
// foreground, so stopping the session stops it). `--unlock` reads the password from stdin.
const SESSION_SCRIPT = 'printf "BUS=%s\\n" "$DBUS_SESSION_BUS_ADDRESS"; exec gnome-keyring-daemon --foreground --unlock --components=secrets';

const MISSING: Record<string, string> = {
  'dbus-run-session': 'dbus-run-session is not installed (Debian: apt-get install dbus-daemon, or run `npm run setup`)',
  'gnome-keyring-daemon': 'gnome-keyring-daemon is not installed (Debian: apt-get install gnome-keyring, or run `npm run setup`)',
};

/** Starts the private session; `{ ok: false }` says why not (a missing package, a daemon that did not start). */
export const startPrivateKeyring = async ({ env = process.env, timeoutMs = PRIVATE_KEYRING_START_TIMEOUT_MS }: { readonly env?: Env; readonly timeoutMs?: number } = {}): Promise<PrivateKeyringStart> => {
  const dir = await mkdtemp(join(tmpdir(), 'bts-private-keyring-'));
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', SESSION_SCRIPT], {
    // Its own process group, so close() stops the bus and the daemon together.
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...env, XDG_DATA_HOME: dir, XDG_RUNTIME_DIR: dir },
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  child.stdin.end(`${randomBytes(24).toString('hex')}\n`);
  let out = '';
  let err = '';
  const started = await new Promise<{ ok: true; bus: string } | { ok: false; reason: string }>((resolve) => {
    const timer = setTimeout(() => done({ ok: false, reason: `the keyring daemon did not start within ${timeoutMs / 1000} s` }), timeoutMs);
    // gnome-keyring opens its control socket in $XDG_RUNTIME_DIR/keyring once it runs, unlocked.
    const poll = setInterval(() => {
      const bus = /^BUS=(.+)$/mu.exec(out)?.[1];
      if (bus !== undefined && existsSync(join(dir, 'keyring', 'control'))) done({ ok: true, bus: bus.trim() });
    }, 50);
    function done(r: { ok: true; bus: string } | { ok: false; reason: string }): void {
      clearTimeout(timer);
      clearInterval(poll);
      resolve(r);
    }
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.once('error', (e: NodeJS.ErrnoException) => done({ ok: false, reason: e.code === 'ENOENT' ? (MISSING['dbus-run-session'] ?? e.message) : e.message }));
    child.once('exit', (code) => {
      const missingDaemon = /gnome-keyring-daemon.*not found|No such file/iu.test(err);
      done({ ok: false, reason: missingDaemon ? (MISSING['gnome-keyring-daemon'] ?? err) : `the private D-Bus session ended at once (exit ${code ?? 'signal'})` });
    });
  });
  if (!started.ok) {
    await stop();
    return started;
  }
  child.stdout.resume();
  child.stderr.resume();
  return { ok: true, keyring: { busAddress: started.bus, close: stop } };
};

import { createApi, type Api, type ApiDeps } from '../api';
import { startBrowserServer, type BrowserServer } from '../server/browser-server';
import { createClient, type ApiClient } from '../../shared/contract/client';
import type { ProgressEvent } from '../../shared/contract/progress';
import { inProcessTransport } from './in-process-transport';
import { createCheckSessionClient } from './check-session';
import { createNodeDeps } from './node-deps';
import { openInBrowser } from './open-browser';
import { startPrivateKeyring, type PrivateKeyring } from './private-keyring';

// The CLI's composition root: the plain-Node services (built on first use, one set per mode as
// app.info reports it), browser mode's server and the system browser. main/cli/process-io.ts adds
// the process streams; commands see contract clients, never a service.

/** What the CLI's root hands every command (main/cli/cli-io.ts adds the process around it). */
export interface CliRoot {
  /** The contract over this run's settings file and the OS keychain, built on first use. */
  readonly client: () => ApiClient;
  /** A fresh contract over in-memory settings and secrets (`check`): nothing is kept after the run. */
  readonly sessionClient: () => ApiClient;
  /** Browser mode: the same contract behind a loopback server serving the built renderer. */
  readonly startBrowserServer: (options: { port: number }) => Promise<BrowserServer>;
  /** Opens a URL in the system browser; `{ ok: false }` with the reason when it cannot. */
  readonly openUrl: (url: string) => Promise<{ ok: true } | { ok: false; reason: string }>;
  /**
   * `serve --private-keyring`: starts a private D-Bus session with a throw-away unlocked keyring and
   * points this process's keychain at it. Only before the first contract call (the keychain library
   * keeps the bus it first reached); `{ ok: false }` says why not.
   */
  readonly usePrivateKeyring: () => Promise<{ ok: true; keyring: PrivateKeyring } | { ok: false; reason: string }>;
  /** Hears the progress events of this run's named long calls (either client); returns the unsubscribe function. */
  readonly onProgress: (listener: (event: ProgressEvent) => void) => () => void;
}

/** `note`, when given, hears the start-up warnings (an inherited NODE_TLS_REJECT_UNAUTHORIZED) once per run. */
export const createCliRoot = (options: { readonly dataDir: string; readonly staticDir: string; readonly note?: (line: string) => void }): CliRoot => {
  const deps = new Map<'cli' | 'browser', ApiDeps>();
  let keyring: 'private_session' | undefined;
  const depsFor = (mode: 'cli' | 'browser'): ApiDeps => {
    let d = deps.get(mode);
    if (d === undefined) {
      // Only the first set of services speaks to the terminal: one warning per run.
      const note = deps.size === 0 ? options.note : undefined;
      d = createNodeDeps({ dataDir: options.dataDir, mode, ...(note === undefined ? {} : { note }), ...(keyring === undefined ? {} : { keyring }) });
      deps.set(mode, d);
    }
    return d;
  };
  const apiFor = (mode: 'cli' | 'browser'): Api => createApi(depsFor(mode));
  let client: ApiClient | undefined;
  const listeners = new Set<(event: ProgressEvent) => void>();
  const progress = (event: ProgressEvent): void => {
    for (const listener of listeners) listener(event);
  };
  return {
    client: () => {
      if (client === undefined) client = createClient(inProcessTransport(apiFor('cli'), progress));
      return client;
    },
    // The session shares the CLI root's network (resolver, proxy env, provider clients), not its files.
    sessionClient: () => createCheckSessionClient(depsFor('cli'), progress),
    onProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startBrowserServer: ({ port }) => startBrowserServer({ api: apiFor('browser'), staticDir: options.staticDir, port }),
    openUrl: (url) => openInBrowser(url),
    usePrivateKeyring: async () => {
      if (deps.size > 0 || keyring !== undefined) return { ok: false, reason: 'the keychain was already in use in this run' };
      const started = await startPrivateKeyring();
      if (!started.ok) return started;
      // The keychain library (libsecret) finds the session bus through this variable on first use.
      process.env['DBUS_SESSION_BUS_ADDRESS'] = started.keyring.busAddress;
      keyring = 'private_session';
      return started;
    },
  };
};

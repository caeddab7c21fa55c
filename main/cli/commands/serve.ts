import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLaunchFile, LAUNCH_CODE_TTL_MS, type LaunchFile } from '../../composition/browser-launch';
import type { BrowserServer } from '../../server/browser-server';
import { CLI_NAME, EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags, parsePort } from '../parse-flags';
import { PRIVATE_KEYRING_NOTE } from '../../../shared/contract/health';
import { PRIVATE_KEYRING_FLAG, privateKeyringIfAsked } from '../private-keyring-flag';

const waitForAbort = (signal: AbortSignal): Promise<void> =>
  signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

/**
 * Opens the browser on a private launch file holding its own one-time link: the opener's argv (which
 * every local user can read) carries only the file's path. Null when nothing was opened.
 */
const openThroughLaunchFile = async (server: BrowserServer, io: CliIO): Promise<LaunchFile | null> => {
  const made = await createLaunchFile(io.env, (removeFile) => server.launchUrl(removeFile));
  if (!made.ok) {
    io.note(`Note: no private launch file could be written (${made.reason}), so no browser was opened; open the link above in a browser on this machine.`);
    return null;
  }
  const opened = await io.openUrl(made.file.fileUrl);
  if (!opened.ok) {
    io.note(`Note: could not open a browser (${opened.reason}); open the link above in a browser on this machine.`);
    await made.file.remove();
    return null;
  }
  return made.file;
};

/** The server from start to Ctrl-C. */
const serve = async (port: number, noOpen: boolean, io: CliIO): Promise<number> => {
  let server: BrowserServer;
  try {
    server = await io.startBrowserServer({ port });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    io.note(code === 'EADDRINUSE' ? `Port ${port} on 127.0.0.1 is already in use; pick another with --port, or --port 0 for any free one.` : `Browser mode could not start: ${cause instanceof Error ? cause.message : String(cause)}`);
    return EXIT_FAILURE;
  }
  // The one line on stdout (scripts and npm start's fallback read it): a one-time link of its
  // own. The terminal is the user's; the link dies on first use, so scrollback grants nothing.
  io.print(server.launchUrl());
  io.note(
    `Browser mode is listening on ${server.origin} (loopback only). The link above works once, within ${LAUNCH_CODE_TTL_MS / 60_000} minutes; a reload keeps the session. Press Ctrl-C to stop.`,
  );
  let launchFile: LaunchFile | null = null;
  try {
    if (!noOpen && io.env['BTS_NO_OPEN'] !== '1') launchFile = await openThroughLaunchFile(server, io);
    await waitForAbort(io.signal);
  } finally {
    await launchFile?.remove();
    await server.close();
  }
  io.note('Browser mode stopped.');
  return EXIT_OK;
};

export const serveCommand: CliCommand = {
  summary: 'Start browser mode: the app on a loopback-only local server, opened in the system browser; --private-keyring: a throw-away keyring for this run.',
  usage: `${CLI_NAME} serve [--port N] [--no-open] [--private-keyring]`,
  run: async (args, io) => {
    const { values } = parseFlags(args, { port: { type: 'string' }, 'no-open': { type: 'boolean' }, ...PRIVATE_KEYRING_FLAG });
    const port = parsePort(values.port ?? '0');
    if (!existsSync(join(io.staticDir, 'index.html'))) {
      io.note(`The user interface is not built (${io.staticDir} has no index.html). Run: npm run build`);
      return EXIT_FAILURE;
    }
    const started = await privateKeyringIfAsked(values['private-keyring'], io);
    if (started === null) return EXIT_FAILURE;
    if (started.keyring !== null) io.note(PRIVATE_KEYRING_NOTE);
    try {
      return await serve(port, values['no-open'] === true, io);
    } finally {
      await started.keyring?.close();
    }
  },
};


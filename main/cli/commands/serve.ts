import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserServer, type BrowserServer } from '../../server/browser-server';
import { CLI_NAME, EXIT_FAILURE, EXIT_OK, type CliCommand } from '../cli-io';
import { parseFlags, parsePort } from '../parse-flags';

const waitForAbort = (signal: AbortSignal): Promise<void> =>
  signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

export const serveCommand: CliCommand = {
  summary: 'Start browser mode: the app on a loopback-only local server, opened in the system browser.',
  usage: `${CLI_NAME} serve [--port N] [--no-open]`,
  run: async (args, io) => {
    const { values } = parseFlags(args, { port: { type: 'string' }, 'no-open': { type: 'boolean' } });
    const port = parsePort(values.port ?? '0');
    if (!existsSync(join(io.staticDir, 'index.html'))) {
      io.note(`The user interface is not built (${io.staticDir} has no index.html). Run: npm run build`);
      return EXIT_FAILURE;
    }
    let server: BrowserServer;
    try {
      server = await startBrowserServer({ api: io.api('browser'), staticDir: io.staticDir, port });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      io.note(code === 'EADDRINUSE' ? `Port ${port} on 127.0.0.1 is already in use; pick another with --port, or --port 0 for any free one.` : `Browser mode could not start: ${cause instanceof Error ? cause.message : String(cause)}`);
      return EXIT_FAILURE;
    }
    // The one line on stdout: scripts (and npm start's fallback) read it. The token rides in the
    // fragment, which the browser never sends to a server.
    io.print(server.url);
    io.note(`Browser mode is listening on ${server.origin} (loopback only). Press Ctrl-C to stop.`);
    if (values['no-open'] !== true && io.env['BTS_NO_OPEN'] !== '1') {
      const opened = await io.openUrl(server.url);
      if (!opened.ok) io.note(`Note: could not open a browser (${opened.reason}); open the URL above in a browser on this machine.`);
    }
    await waitForAbort(io.signal);
    await server.close();
    io.note('Browser mode stopped.');
    return EXIT_OK;
  },
};

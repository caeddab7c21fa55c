import { resolve } from 'node:path';
import { createApi, type Api } from '../api';
import { createClient, type ApiClient, type MethodName } from '../../shared/contract';
import { createNodeDeps } from '../composition/node-deps';
import type { CliIO } from './cli-io';
import { openInBrowser } from '../composition/open-browser';

/** The real CliIO: process streams, the plain-Node services (built lazily), the system browser. */
export const createProcessIO = (options: { dataDir: string; staticDir: string; signal: AbortSignal }): CliIO => {
  const apis = new Map<'cli' | 'browser', Api>();
  const note = (line: string): void => void process.stderr.write(`${line}\n`);
  const api = (mode: 'cli' | 'browser' = 'cli'): Api => {
    let a = apis.get(mode);
    if (a === undefined) {
      // Only the first set of services speaks to the terminal: one warning per run.
      a = createApi(createNodeDeps({ dataDir: options.dataDir, mode, ...(apis.size === 0 ? { note } : {}) }));
      apis.set(mode, a);
    }
    return a;
  };
  let client: ApiClient | undefined;
  return {
    print: (line) => process.stdout.write(`${line}\n`),
    note,
    stdin: process.stdin,
    env: process.env,
    signal: options.signal,
    dataDir: resolve(options.dataDir),
    staticDir: options.staticDir,
    api,
    client: () => (client ??= createClient((name: MethodName, input: unknown) => api('cli').call(name, input))),
    openUrl: (url) => openInBrowser(url),
  };
};

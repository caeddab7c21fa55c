import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { testPki } from '../support/test-ca';

// The HTTPS shell every simulator runs in: an ephemeral port on 127.0.0.1, the throw-away CA's
// certificate, and a log of what was asked and answered (the contract test validates the answers).

export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface SimAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Raw text instead of JSON (an HTML login page, an empty body). */
  readonly text?: string;
}

export interface Exchange {
  readonly request: SimRequest;
  readonly answer: SimAnswer;
}

export interface RunningSim {
  readonly origin: string;
  readonly caCert: string;
  readonly exchanges: Exchange[];
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const flatHeaders = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
};

/** A handler answers at once, or later (a simulated slow link). */
export const startHttpsSim = async (handle: (req: SimRequest) => SimAnswer | Promise<SimAnswer>): Promise<RunningSim> => {
  const pki = await testPki();
  const exchanges: Exchange[] = [];
  const server = createServer({ key: pki.serverKey, cert: pki.serverCert }, (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const request: SimRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: flatHeaders(req), body: await readBody(req) };
      let answer: SimAnswer;
      try {
        answer = await handle(request);
      } catch {
        answer = { status: 500, text: 'simulator bug' };
      }
      exchanges.push({ request, answer });
      const text = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      const type = answer.text === undefined && answer.body !== undefined ? { 'content-type': 'application/json' } : {};
      res.writeHead(answer.status, { ...type, ...(answer.headers ?? {}) });
      res.end(text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    caCert: pki.caCert,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

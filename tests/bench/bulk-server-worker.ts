import { Worker } from 'node:worker_threads';
import { z } from 'zod';

// The Data Center stand-in for the bulk figures, in a worker thread (its TLS work on the other core,
// not billed to the client measured). It answers the calls a bulk run makes — the API root, the
// repository listing (`limit`/`start`/`isLastPage`/`nextPageStart`, capped at 100 a page) and one
// repository — for `count` repositories. The link: every answer waits one round trip (`rttMs`), and
// the first answer on a new connection two more (TCP and TLS handshakes), for ours and the floor alike.

const SERVER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createServer } = require('node:https');
const { key, cert, host, rttMs } = workerData;
let count = 0;
const pages = new Map();
const props = JSON.stringify({ version: '9.4.1', buildNumber: '9004001', buildDate: '1760000000000', displayName: 'Bitbucket' });
const projectOf = (i) => 'P' + String(Math.floor(i / 100) + 1).padStart(3, '0');
const repo = (i) => ({ id: i + 1, slug: 'repo-' + String(i + 1).padStart(5, '0'), name: 'repo-' + (i + 1), public: false, archived: false, state: 'AVAILABLE', project: { key: projectOf(i), name: projectOf(i) } });
const server = createServer({ key, cert }, (req, res) => {
  const url = new URL(req.url, 'https://x');
  const first = req.socket.bts_seen !== true;
  req.socket.bts_seen = true;
  const answer = () => {
    const send = (status, body, extra) => { res.writeHead(status, { 'content-type': 'application/json', ...(extra || {}) }); res.end(body); };
    const who = req.headers.authorization ? { 'x-ausername': 'dana' } : {};
    if (url.pathname === '/bitbucket/rest/api/1.0/application-properties') return send(200, props, who);
    if (url.pathname === '/bitbucket/rest/api/1.0/repos') {
      const start = Number(url.searchParams.get('start') || 0);
      const limit = Math.min(Number(url.searchParams.get('limit') || 25), 100);
      pages.set(start, (pages.get(start) || 0) + 1);
      const values = [];
      for (let i = start; i < Math.min(count, start + limit); i += 1) values.push(repo(i));
      const last = start + values.length >= count;
      return send(200, JSON.stringify({ size: values.length, limit, start, isLastPage: last, values, ...(last ? {} : { nextPageStart: start + values.length }) }), who);
    }
    const m = /^\\/bitbucket\\/rest\\/api\\/1\\.0\\/projects\\/([^/]+)\\/repos\\/repo-(\\d+)$/.exec(url.pathname);
    if (m) return send(200, JSON.stringify(repo(Number(m[2]) - 1)), who);
    send(404, '{"errors":[{"message":"Not found"}]}');
  };
  const delay = rttMs * (first ? 3 : 1);
  if (delay > 0) setTimeout(answer, delay); else answer();
});
server.keepAliveTimeout = 30000;
server.listen(0, host, () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m && m.type === 'count') { count = m.count; pages.clear(); parentPort.postMessage({ ok: true }); }
  else if (m && m.type === 'pages') parentPort.postMessage({ pages: [...pages.entries()] });
  else if (m === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); }
});
`;

export interface BulkWorkerServer {
  readonly port: number;
  /** Serve `count` repositories from now on (and forget the page counts). */
  setCount(count: number): Promise<void>;
  /** How often each listing page (by `start`) was read since the last setCount. */
  pageReads(): Promise<ReadonlyMap<number, number>>;
  close(): Promise<void>;
}

const Ready = z.object({ port: z.number().int().positive() });
const Pages = z.object({ pages: z.array(z.tuple([z.number(), z.number()])) });

export const startBulkServerWorker = async (o: { key: string; cert: string; host: string; rttMs: number }): Promise<BulkWorkerServer> => {
  const worker = new Worker(SERVER_CODE, { eval: true, workerData: o });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: unknown) => resolve(Ready.parse(m).port));
    worker.once('error', reject);
  });
  const ask = <T>(message: unknown, schema: z.ZodType<T>): Promise<T> =>
    new Promise((resolve) => {
      worker.once('message', (m: unknown) => resolve(schema.parse(m)));
      worker.postMessage(message);
    });
  return {
    port,
    setCount: async (count) => {
      await ask({ type: 'count', count }, z.object({ ok: z.literal(true) }));
    },
    pageReads: async () => new Map((await ask({ type: 'pages' }, Pages)).pages),
    close: async () => {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2000))]);
      await worker.terminate();
    },
  };
};

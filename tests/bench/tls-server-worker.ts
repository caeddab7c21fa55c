import { Worker } from 'node:worker_threads';
import { z } from 'zod';

// The Data Center stand-in for the network figures, in a worker thread so its TLS work runs on the
// other core and is not billed to the client being measured. Answers application-properties after
// `delayMs` (a stand-in for the network round trips a VPN adds), 404 elsewhere.

const SERVER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createServer } = require('node:https');
const { key, cert, host, delayMs, body } = workerData;
const server = createServer({ key, cert }, (req, res) => {
  const answer = () => {
    if (req.url === '/rest/api/1.0/application-properties') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    } else { res.writeHead(404); res.end(); }
  };
  if (delayMs > 0) setTimeout(answer, delayMs); else answer();
});
server.keepAliveTimeout = 1000;
server.listen(0, host, () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => { if (m === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); } });
`;

export interface WorkerServer {
  readonly port: number;
  close(): Promise<void>;
}

const Ready = z.object({ port: z.number().int().positive() });

export const startTlsServerWorker = async (o: { key: string; cert: string; host: string; delayMs: number; body: string }): Promise<WorkerServer> => {
  const worker = new Worker(SERVER_CODE, { eval: true, workerData: o });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: unknown) => resolve(Ready.parse(m).port));
    worker.once('error', reject);
  });
  return {
    port,
    close: async () => {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2000))]);
      await worker.terminate();
    },
  };
};

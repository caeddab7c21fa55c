import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface RawRequest {
  readonly port: number;
  readonly method?: string;
  readonly path?: string;
  /** Sent exactly as given (Host included): node:http does not add or fix any of them. */
  readonly headers?: Record<string, string | number>;
  readonly body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  readonly chunked?: boolean;
}

/**
 * One HTTP request to 127.0.0.1 with full control of the headers. Resolves on the response even
 * when the server closes early (a 413 before the body is sent), ignoring the write error that causes.
 */
export const rawRequest = ({ port, method = 'GET', path = '/', headers = {}, body, chunked = false }: RawRequest): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    let answered = false;
    req.on('response', () => {
      answered = true;
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (body !== undefined && chunked) {
      const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
      const step = 64 * 1024;
      let offset = 0;
      const pump = (): void => {
        while (offset < buf.length) {
          const ok = req.write(buf.subarray(offset, offset + step));
          offset += step;
          if (!ok) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    } else {
      req.end(body);
    }
  });

/** Whether a TCP connection to host:port is accepted (true) or refused / unroutable (the error code). */
export const tryConnect = (host: string, port: number): Promise<true | string> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'ERROR'));
  });

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHttpTransport, SERVER_STOPPED_MESSAGE } from '../../../renderer/api/http-transport';
import { createClient } from '../../../shared/contract';

/** A port that was just listening on loopback and is now closed: a server that stopped. */
const stoppedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe('browser-mode http transport', () => {
  it('sends same-origin cookie credentials, JSON, and no Authorization header', async () => {
    const seen: Array<{ path: string; init: RequestInit | undefined }> = [];
    const transport = createHttpTransport(async (path, init) => {
      seen.push({ path: String(path), init });
      return new Response(JSON.stringify({ ok: true, value: [] }), { headers: { 'content-type': 'application/json' } });
    });
    expect(await transport('targets.list', {})).toEqual({ ok: true, value: [] });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.path).toBe('/api/targets.list');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', cache: 'no-store', body: '{}' });
    expect(seen[0]?.init?.headers).toEqual({ 'content-type': 'application/json' });
  });

  it("names a long call with its call_id in the x-bts-call-id header, and only when the caller named it", async () => {
    const headers: unknown[] = [];
    const transport = createHttpTransport(async (_path, init) => {
      headers.push(init?.headers);
      return new Response(JSON.stringify({ ok: true, value: null }), { headers: { 'content-type': 'application/json' } });
    });
    await transport('url.probe', { base_url: 'https://x' }, { call_id: 'call-0001' });
    await transport('url.probe', { base_url: 'https://x' });
    expect(headers).toEqual([
      { 'content-type': 'application/json', 'x-bts-call-id': 'call-0001' },
      { 'content-type': 'application/json' },
    ]);
  });

  it('turns "server gone" (a refused connection) into APP_SERVER_STOPPED, not INTERNAL_ERROR', async () => {
    const port = await stoppedPort();
    const client = createClient(createHttpTransport((path, init) => fetch(`http://127.0.0.1:${port}${String(path)}`, init)));
    const result = await client['app.info']({});
    expect(result).toEqual({ ok: false, error: { code: 'APP_SERVER_STOPPED', message: SERVER_STOPPED_MESSAGE } });
    expect(SERVER_STOPPED_MESSAGE).toBe('The local app server stopped — run it again (`npm start` or `bitbucket-target serve`).');
  });

  it('passes a refusal Result through as the server sent it (a 401 without a session)', async () => {
    const body = { ok: false, error: { code: 'BROWSER_SESSION_INVALID', message: 'No session of this launch.' } };
    const client = createClient(createHttpTransport(async () => new Response(JSON.stringify(body), { status: 401 })));
    expect(await client['app.info']({})).toEqual(body);
  });
});

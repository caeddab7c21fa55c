import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../main/services/clock/clock';
import { parseProxyEnv, type ProxyEnv } from '../../../../../main/services/net/proxy-env';
import { runCloudChecks } from '../../../../../main/services/providers/bitbucket-cloud/cloud-checks';
import { createCloudClient } from '../../../../../main/services/providers/bitbucket-cloud/cloud-client';
import { createFixedOriginHttpClient } from '../../../../../main/services/providers/common/fixed-origin-client';
import { createDnsResolver } from '../../../../../main/services/url-safety/resolver';
import { freeLoopbackPort } from '../../../../support/free-port';
import { NOW } from '../../../../support/provider-harness';
import { startConnectProxy, type RunningProxy } from '../../../../support/url-safety/connect-proxy';
import { startDnsServer, type Answerer, type RunningDns } from '../../../../support/url-safety/dns-server';
import { createNetns, netnsSupport, type Netns } from '../../../../support/url-safety/netns';
import { startHttpsSim, type RunningSim } from '../../../../simulators/https-sim';

// Issue 14 items 4 and 9: Bitbucket Cloud made unreachable for real, each way, and each said in
// the Data Center check's words (shared/errors/network-failures.ts) naming the host, the resolver,
// direct or through which proxy, the code kept, and what the admin can change: HTTPS_PROXY /
// NO_PROXY, NODE_EXTRA_CA_CERTS for TLS inspection. Before, every one of these read "The
// connection failed (CODE)." and the admin saw "The provider could not be reached (unreachable)."
// Names are resolved only by a DNS server of the test's own on loopback; nothing leaves the machine.

const HOST = 'api.bitbucket.org';
const NO_PROXY_HINT = `No proxy was used: the app honours HTTPS_PROXY (and NO_PROXY for the hosts it reaches directly), so if this machine reaches ${HOST} only through a proxy, start the app with HTTPS_PROXY=http://proxy.host:port set.`;

const dnsServers: RunningDns[] = [];
const proxies: RunningProxy[] = [];
let sim: RunningSim;
let closedPort = 0;
beforeAll(async () => {
  sim = await startHttpsSim(() => ({ status: 200, body: { ok: true } }));
  closedPort = await freeLoopbackPort();
});
afterAll(async () => {
  for (const d of dnsServers) await d.close();
  for (const p of proxies) await p.close();
  await sim.close();
});

const dnsAnswering = async (answer: Answerer) => {
  const dns = await startDnsServer(answer);
  dnsServers.push(dns);
  return { dns, resolver: createDnsResolver({ servers: [dns.server], timeoutMs: 400, tries: 1 }) };
};

/** The client as production builds it, bound to `origin`, with the test's resolver and proxy env. */
const clientFor = (origin: string, o: { resolver?: ReturnType<typeof createDnsResolver>; env?: ProxyEnv; timeoutMs?: number; ca?: string } = {}) =>
  createFixedOriginHttpClient({
    origins: [origin],
    proxy: parseProxyEnv(o.env ?? {}),
    ...(o.resolver === undefined ? {} : { resolver: o.resolver }),
    ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
    ...(o.ca === undefined ? {} : { ca: o.ca }),
  });

const failureOf = async (client: ReturnType<typeof clientFor>, url: string) => {
  const r = await client({ url });
  if (r.ok) throw new Error(`expected a failure, got HTTP ${r.response.status}`);
  return r;
};

describe('Bitbucket Cloud unreachable, in words', () => {
  it('NXDOMAIN: the resolver says the name does not exist, and no proxy was used', async () => {
    const { dns, resolver } = await dnsAnswering(() => 'NXDOMAIN');
    const r = await failureOf(clientFor(`https://${HOST}`, { resolver }), `https://${HOST}/2.0/user`);
    expect(r.reason).toBe('dns');
    expect(r.detail).toContain(`DNS: the resolver ${dns.server} answers that ${HOST} does not exist (NXDOMAIN`);
    expect(r.detail).toContain(NO_PROXY_HINT);
    expect(dns.questions.map((q) => q.name)).toContain(HOST);
  });

  it('DNS timeout: the resolver never answered, in other words than NXDOMAIN', async () => {
    const { dns, resolver } = await dnsAnswering(() => null);
    const r = await failureOf(clientFor(`https://${HOST}`, { resolver }), `https://${HOST}/2.0/user`);
    expect(r.reason).toBe('dns');
    expect(r.detail).toContain(`DNS: the resolver ${dns.server} did not answer for ${HOST} in time (ETIMEOUT`);
    expect(r.detail).not.toContain('does not exist');
  });

  it('TCP refused: the name resolves, nothing listens; the host, the address, the port and the direct path are named', async () => {
    const { resolver } = await dnsAnswering((_name, type) => (type === 'A' ? ['127.0.0.1'] : []));
    const origin = `https://${HOST}:${closedPort}`;
    const r = await failureOf(clientFor(origin, { resolver }), `${origin}/2.0/user`);
    expect(r.reason).toBe('unreachable');
    expect(r.detail).toContain(`TCP: ${HOST} at 127.0.0.1 port ${closedPort} refused the connection (ECONNREFUSED, direct connection, no proxy)`);
    // The admin typed no URL for Bitbucket Cloud: the fix names the path, not "the port in the URL".
    expect(r.detail).toContain(`Ask the network team whether HTTPS (port 443) to ${HOST} is allowed from this machine.`);
    expect(r.detail).not.toContain('the port in the URL');
    expect(r.detail).toContain(NO_PROXY_HINT);
    expect(r.detail).not.toMatch(/does not exist|did not answer/u);
  });

  it('TLS: a certificate this machine does not trust says so, keeps the OpenSSL code and names NODE_EXTRA_CA_CERTS', async () => {
    const r = await failureOf(clientFor(sim.origin), `${sim.origin}/2.0/user`);
    expect(r.reason).toBe('tls');
    expect(r.detail).toMatch(/issued by a CA this machine does not know .*\((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY); direct connection, no proxy\)/u);
    expect(r.detail).toContain('with NODE_EXTRA_CA_CERTS set to the PEM file of that CA');
  });

  it('a proxy that refuses the tunnel is named, with its status, and the HTTPS_PROXY / NO_PROXY way round', async () => {
    const proxy = await startConnectProxy('127.0.0.1', { refuseAllWith: 403 });
    proxies.push(proxy);
    const r = await failureOf(clientFor(`https://${HOST}`, { env: { HTTPS_PROXY: proxy.url } }), `https://${HOST}/2.0/user`);
    expect(r.reason).toBe('unreachable');
    expect(r.detail).toContain(`Proxy: the proxy ${proxy.url} refused to open a tunnel to ${HOST} (it answered CONNECT with HTTP 403)`);
    expect(r.detail).toContain(`The app went through HTTPS_PROXY (${proxy.url}) for ${HOST}; if this machine reaches ${HOST} directly, add it to NO_PROXY.`);
    expect(proxy.connects).toEqual([`${HOST}:443`]);
  });

  it('a proxy that does not answer at all is the proxy, not Bitbucket, refusing', async () => {
    const proxyUrl = `http://127.0.0.1:${closedPort}`;
    const r = await failureOf(clientFor(`https://${HOST}`, { env: { HTTPS_PROXY: `http://user:hunter2@127.0.0.1:${closedPort}` } }), `https://${HOST}/2.0/user`);
    expect(r.detail).toContain(`Proxy: the proxy ${proxyUrl} itself could not be reached on the way to ${HOST} (ECONNREFUSED)`);
    expect(r.detail).not.toContain('hunter2');
  });

  it('HTTPS_PROXY set but NO_PROXY listing the host: the direct attempt says why it was direct', async () => {
    const { resolver } = await dnsAnswering(() => 'NXDOMAIN');
    const r = await failureOf(clientFor(`https://${HOST}`, { resolver, env: { HTTPS_PROXY: 'http://proxy.corp.example:3128', NO_PROXY: 'bitbucket.org' } }), `https://${HOST}/2.0/user`);
    expect(r.detail).toContain(`answers that ${HOST} does not exist (NXDOMAIN`);
    expect(r.detail).toContain(`HTTPS_PROXY is set, but NO_PROXY lists ${HOST}, so the app connected directly`);
  });

  it('the Credential check shows these words with PROVIDER_UNAVAILABLE, not a bare reason', async () => {
    const { resolver } = await dnsAnswering((_name, type) => (type === 'A' ? ['127.0.0.1'] : []));
    const origin = `https://${HOST}:${closedPort}`;
    const client = createCloudClient({ http: clientFor(origin, { resolver }), credential: { method: 'access_token', token: 'never-sent' }, clock: fixedClock(NOW), sleep: async () => undefined, apiRoot: `${origin}/2.0` });
    const r = await runCloudChecks(client, { workspace: 'acme', repositorySlug: 'payments', authMethod: 'access_token' }, () => new Date(NOW));
    const auth = r.findings.find((f) => f.id === 'auth');
    expect(auth).toMatchObject({ verdict: 'fail', code: 'PROVIDER_UNAVAILABLE' });
    expect(auth?.detail).toContain(`TCP: ${HOST} at 127.0.0.1 port ${closedPort} refused the connection (ECONNREFUSED, direct connection, no proxy)`);
    expect(auth?.detail).toContain('the app honours HTTPS_PROXY');
  });
});

const support = netnsSupport();

describe.runIf(support.ok)('Bitbucket Cloud behind a route that drops every answer (network namespace)', () => {
  let ns: Netns;
  beforeAll(async () => {
    ns = await createNetns({ blackholeReplies: true });
  });
  afterAll(() => ns.close());

  it('TCP timeout: no answer within the connect limit, in other words than a refusal', async () => {
    const origin = `https://${ns.nsAddr}:4443`;
    const r = await failureOf(clientFor(origin, { timeoutMs: 600 }), `${origin}/2.0/user`);
    expect(r.reason).toBe('timeout');
    expect(r.detail).toContain(`TCP: no answer from ${ns.nsAddr}`);
    expect(r.detail).toContain('within the connect limit (UND_ERR_CONNECT_TIMEOUT, direct connection, no proxy)');
    expect(r.detail).not.toContain('refused');
  });
});

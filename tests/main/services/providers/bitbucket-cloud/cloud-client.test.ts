import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudCredential } from '../../../../../main/services/providers/bitbucket-cloud/cloud-credential';
import { runCloudChecks } from '../../../../../main/services/providers/bitbucket-cloud/cloud-checks';
import { startCloudSim, type CloudSim } from '../../../../simulators/bitbucket-cloud-sim';
import { SECRETS } from '../../../../simulators/cloud-sim-state';
import { cloudClientFor, NOW, recordingSleep } from '../../../../support/provider-harness';

let sim: CloudSim;
beforeAll(async () => {
  sim = await startCloudSim();
});
afterAll(async () => sim.close());

const dana: CloudCredential = { method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiToken };

// The harness allows 5 s of waiting in one call (maxRetryWaitMs); production allows 120 s.
describe('429: Retry-After honoured in full up to the limit, beyond it "retry after HH:MM", without it a bounded back-off', () => {
  it('one 429 with Retry-After: 3 → waits the full 3 s and succeeds on the retry', async () => {
    sim.world.rateLimit = { remaining: 1, retryAfter: '3' };
    const sleep = recordingSleep();
    const r = await cloudClientFor(sim, dana, sleep).user();
    expect(r.ok).toBe(true);
    expect(sleep.waits).toEqual([3000]);
  });

  it('Retry-After as an HTTP date, read against the injected clock', async () => {
    sim.world.rateLimit = { remaining: 1, retryAfter: new Date(new Date(NOW).getTime() + 2000).toUTCString() };
    const sleep = recordingSleep();
    expect((await cloudClientFor(sim, dana, sleep).user()).ok).toBe(true);
    expect(sleep.waits).toEqual([2000]);
  });

  it('a Retry-After beyond the limit is not waited for (nor cut short and retried early): rate limited, retry after HH:MM', async () => {
    sim.world.rateLimit = { remaining: 1, retryAfter: '3600' };
    const sleep = recordingSleep();
    const before = sim.exchanges.length;
    const r = await cloudClientFor(sim, dana, sleep).user();
    sim.world.rateLimit = undefined;
    expect(sleep.waits).toEqual([]);
    expect(sim.exchanges.length - before).toBe(1);
    expect(r.ok ? 'ok' : r.failure).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterSeconds: 3600, rateLimit: { retryAt: '2026-11-29T09:00:00.000Z' } });
    expect(r.ok ? '' : r.failure.message).toMatch(/Retry after 09:00 UTC\.$/);
    expect(r.ok ? '' : r.failure.message).toMatch(/not a problem with the credential/);
  });

  it("Cloud's 429 without Retry-After: backs off 2 s, then stops instead of hammering; the headroom headers are evidence", async () => {
    const headers = { 'x-ratelimit-limit': '1000', 'x-ratelimit-resource': 'api-repository', 'x-ratelimit-nearlimit': 'true' };
    sim.world.rateLimit = { remaining: 50, headers };
    const sleep = recordingSleep();
    const before = sim.exchanges.length;
    const r = await runCloudChecks(cloudClientFor(sim, dana, sleep), { workspace: 'acme', repositorySlug: 'payments', authMethod: 'api_token' }, () => new Date(NOW));
    sim.world.rateLimit = undefined;
    // 2 s, then 4 s would pass the 5 s limit: two requests in all, and the run stops at the first call.
    expect(sleep.waits).toEqual([2000]);
    expect(sim.exchanges.length - before).toBe(2);
    expect(r.findings.find((f) => f.id === 'auth')).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', evidence: { http_status: 429, rate_limit_headers: headers } });
    expect(r.checks.auth).toBeUndefined();
    expect(r.checks.rate_limit).toMatchObject({ provider: 'bitbucket_cloud', headroom: headers });
    expect(r.checks.rate_limit?.retry_at).toBeUndefined();
  });

  it('a back-off that outlasts the 429 succeeds', async () => {
    sim.world.rateLimit = { remaining: 1 };
    const sleep = recordingSleep();
    expect((await cloudClientFor(sim, dana, sleep).user()).ok).toBe(true);
    expect(sleep.waits).toEqual([2000]);
  });
});

describe('cross-workspace endpoints and repository scopes', () => {
  it('a repository 403 for missing read:repository → forbidden, PROVIDER_SCOPE_UNAVAILABLE with required/granted', async () => {
    const r = await runCloudChecks(
      cloudClientFor(sim, { method: 'api_token', email: 'dana@acme.example', token: SECRETS.apiTokenNoRepo }),
      { workspace: 'acme', repositorySlug: 'legacy', authMethod: 'api_token' },
      () => new Date(NOW),
    );
    expect(r.checks.repository?.status).toBe('forbidden');
    expect(r.checks.scopes).toMatchObject({ status: 'missing', granted: ['read:user:bitbucket', 'read:workspace:bitbucket'] });
    expect(r.findings.find((f) => f.id === 'scopes')?.code).toBe('PROVIDER_SCOPE_UNAVAILABLE');
  });

  it('the answer body of every call was parsed: a proxy login page is PROVIDER_RESPONSE_INVALID, not trusted', async () => {
    const http = async () => ({
      ok: true as const,
      response: { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Sign in to the proxy</html>', url: 'x' },
      evidence: { addresses: [], redirects: [], via_proxy: true, timings_ms: {} },
    });
    const { createCloudClient } = await import('../../../../../main/services/providers/bitbucket-cloud/cloud-client');
    const { fixedClock } = await import('../../../../../main/services/clock/clock');
    const client = createCloudClient({ http, credential: dana, clock: fixedClock(NOW), sleep: recordingSleep().sleep });
    const r = await client.user();
    expect(r.ok ? 'ok' : r.failure.code).toBe('PROVIDER_RESPONSE_INVALID');
  });
});

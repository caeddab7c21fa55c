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

describe('429: wait as Retry-After says (bounded), retry once, then PROVIDER_RATE_LIMITED', () => {
  it('one 429: waits the asked seconds and succeeds on the retry', async () => {
    sim.world.rateLimit = { remaining: 1, retryAfter: '3' };
    const sleep = recordingSleep();
    const r = await cloudClientFor(sim, dana, sleep).user();
    expect(r.ok).toBe(true);
    expect(sleep.waits).toEqual([3000]);
  });

  it('a long Retry-After is capped at the bound', async () => {
    sim.world.rateLimit = { remaining: 1, retryAfter: '3600' };
    const sleep = recordingSleep();
    expect((await cloudClientFor(sim, dana, sleep).user()).ok).toBe(true);
    expect(sleep.waits).toEqual([5000]);
  });

  it('Retry-After as an HTTP date, read against the injected clock', async () => {
    sim.world.rateLimit = { remaining: 1, retryAfter: new Date(new Date(NOW).getTime() + 2000).toUTCString() };
    const sleep = recordingSleep();
    expect((await cloudClientFor(sim, dana, sleep).user()).ok).toBe(true);
    expect(sleep.waits).toEqual([2000]);
  });

  it('a second 429: one retry only, then a coded rate-limited verdict with the wait asked', async () => {
    sim.world.rateLimit = { remaining: 5, retryAfter: '7' };
    const sleep = recordingSleep();
    const r = await runCloudChecks(cloudClientFor(sim, dana, sleep), { workspace: 'acme', repositorySlug: 'payments', authMethod: 'api_token' }, () => new Date(NOW));
    sim.world.rateLimit = undefined;
    expect(sleep.waits).toEqual([5000]);
    expect(r.findings.find((f) => f.id === 'auth')).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', evidence: { http_status: 429, retry_after_s: 7 } });
    expect(r.checks.auth).toBeUndefined();
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

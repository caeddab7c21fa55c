import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecksRun } from '../../../../shared/contract/checks';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { DC_SECRETS, defaultDataCenterWorld, startDataCenterSim, type DataCenterSim, type DataCenterSimWorld } from '../../../simulators/data-center-sim';
import { dataCenterDraft, okValue as value } from '../../../support/atlassian-sims';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { testApi } from '../../../support/test-api';

// Issue 13 items 6 and 7, and Data Center's 429 on the API root, through the contract against a
// Data Center simulator that answers as Bitbucket Data Center does (tests/simulators/data-center-sim.ts
// cites the sources): URL-encoded X-AUSERNAME, anonymous access, Basic auth off (10.x), the CAPTCHA
// lock-out, and the rate limiter's token bucket.

let cloud: CloudSim;
beforeAll(async () => {
  cloud = await startCloudSim();
});
afterAll(() => cloud.close());

/** A fresh Data Center simulator with `over`, an api on it, and a saved target with its secret. */
const dcRun = async (over: Partial<DataCenterSimWorld>, target: Record<string, unknown>, secret: string, providers: Parameters<typeof simProviders>[2] = {}) => {
  const dc: DataCenterSim = await startDataCenterSim({ ...defaultDataCenterWorld(), ...over });
  const t = testApi({ secrets: memorySecretStore().store, network: simNetwork(cloud.caCert), providers: simProviders(cloud, [dc], providers) });
  const draft = { ...dataCenterDraft(dc.baseUrl), ...target };
  const id = value<{ target: { id: string } }>(await t.api.call('targets.save', { target: draft })).target.id;
  value(await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret }));
  const close = async () => {
    t.cleanup();
    await dc.close();
  };
  return { t, dc, id, close, run: async () => value<ChecksRun>(await t.api.call('checks.run', { target_id: id })) };
};

describe('Data Center X-AUSERNAME and X-AUSERID', () => {
  it('check against a Data Center target whose user name is an e-mail shows the decoded name, and records X-AUSERID', async () => {
    const s = await dcRun({}, {}, DC_SECRETS.emailUserToken);
    try {
      const run = await s.run();
      const sent = s.dc.exchanges.map((e) => e.answer.headers?.['x-ausername']).filter((u) => u !== undefined);
      expect(sent).toContain('dana%40acme.example');
      expect(run.record.checks.auth).toMatchObject({ status: 'ok', identity: { username: 'dana@acme.example', account_id: '103' } });
      expect(run.findings.find((f) => f.id === 'auth')).toMatchObject({ detail: 'Signed in as dana@acme.example.', evidence: { user_id: '103' } });
      expect(run.record.readiness.verdict).toBe('ready');
    } finally {
      await s.close();
    }
  });

  it('a malformed encoding stays raw, and an echoed token in it is still scrubbed', async () => {
    const token = 'BBDC-Mzk3+sim/echo=Tok3n-77aa11';
    const s = await dcRun({ tokens: { [token]: 'dana' }, echoTokenInUsername: 'url_encoded_malformed' }, {}, token);
    try {
      const run = await s.run();
      expect(s.dc.exchanges.some((e) => e.answer.headers?.['x-ausername'] === `${encodeURIComponent(token)}%zz`)).toBe(true);
      expect(run.record.checks.auth?.identity?.username).toBe('[redacted]%zz');
      expect(JSON.stringify(run)).not.toContain(encodeURIComponent(token));
      expect(JSON.stringify(run)).not.toContain(token);
    } finally {
      await s.close();
    }
  });

  it('an anonymous-access instance does not accept a bad token: answered without X-AUSERNAME, the credential is rejected and the finding says so', async () => {
    const s = await dcRun({ anonymousAccess: true }, {}, 'BBDC-not-a-token-of-this-instance');
    try {
      const run = await s.run();
      const authenticated = s.dc.exchanges.filter((e) => e.request.headers.authorization !== undefined && e.request.path.endsWith('/application-properties'));
      expect(authenticated.at(-1)?.answer).toMatchObject({ status: 200 });
      expect(authenticated.at(-1)?.answer.headers?.['x-ausername']).toBeUndefined();
      expect(run.record.checks.auth).toMatchObject({ status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED' });
      const auth = run.findings.find((f) => f.id === 'auth');
      expect(auth).toMatchObject({ verdict: 'fail', code: 'PROVIDER_AUTH_REQUIRED', evidence: { reason: 'anonymous_answer' } });
      expect(auth?.detail).toMatch(/the instance answered anonymously/i);
      expect(run.record.readiness.blocking).toContain('PROVIDER_AUTH_REQUIRED');
      expect(run.record.checks.repository).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});

describe('Data Center 10.x refusals that need their own fix', () => {
  it('Basic auth disabled (403 "Basic Authentication has been disabled on this instance"): said so, and led to an HTTP access token', async () => {
    const s = await dcRun({ basicAuthDisabled: true }, { auth_method: 'basic', username: 'dana' }, DC_SECRETS.password);
    try {
      const run = await s.run();
      expect(s.dc.exchanges.some((e) => e.answer.status === 403)).toBe(true);
      expect(run.record.checks.auth).toMatchObject({ status: 'rejected', code: 'PROVIDER_AUTH_REQUIRED' });
      const auth = run.findings.find((f) => f.id === 'auth');
      expect(auth).toMatchObject({ code: 'PROVIDER_AUTH_REQUIRED', evidence: { reason: 'basic_auth_disabled', http_status: 403 } });
      expect(auth?.detail).toMatch(/Basic authentication has been disabled on this Data Center instance/);
      expect(auth?.detail).toMatch(/HTTP access token/);
      // Not misread as a missing repository permission.
      expect(run.record.readiness.blocking).not.toContain('PROVIDER_SCOPE_UNAVAILABLE');
    } finally {
      await s.close();
    }
  });

  it('a CAPTCHA lock-out is named: "log in once in the browser to answer the CAPTCHA, then retry"', async () => {
    const s = await dcRun({ captchaLocked: ['dana'] }, { auth_method: 'basic', username: 'dana' }, DC_SECRETS.password);
    try {
      const run = await s.run();
      expect(s.dc.exchanges.some((e) => e.answer.status === 401 && JSON.stringify(e.answer.body).includes('CaptchaRequiredAuthenticationException'))).toBe(true);
      const auth = run.findings.find((f) => f.id === 'auth');
      expect(auth).toMatchObject({ code: 'PROVIDER_AUTH_REQUIRED', evidence: { reason: 'captcha_required', http_status: 401 } });
      expect(auth?.detail).toMatch(/CAPTCHA lock-out/);
      expect(auth?.detail).toMatch(/Log in once in the browser to answer the CAPTCHA, then retry/);
      expect(run.record.checks.auth).toMatchObject({ status: 'rejected', detail: expect.stringMatching(/CAPTCHA/) });
    } finally {
      await s.close();
    }
  });
});

describe('Data Center 429 on the API root (application-properties)', () => {
  it('beyond the wait limit: pending as PROVIDER_RATE_LIMITED with the token-bucket headers, never a failed network check or a bad credential', async () => {
    const s = await dcRun({ rateLimit: { remaining: 100, retryAfter: '600' } }, {}, DC_SECRETS.token);
    try {
      const run = await s.run();
      expect(run.record.checks.network).toBeUndefined();
      expect(run.record.checks.rate_limit).toMatchObject({
        provider: 'bitbucket_data_center',
        retry_after_s: 600,
        retry_at: '2026-11-29T08:10:00.000Z',
        headroom: { 'retry-after': '600', 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-interval-seconds': '1', 'x-ratelimit-fillrate': '1' },
      });
      expect(run.findings.find((f) => f.id === 'instance')).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', evidence: { retry_at: '2026-11-29T08:10:00.000Z' } });
      expect(run.record.readiness.blocking).toEqual([]);
      expect(run.record.readiness.pending).toContain('Bitbucket Data Center is rate limiting the checks (PROVIDER_RATE_LIMITED): retry after 08:10 UTC.');
    } finally {
      await s.close();
    }
  });

  it('within the wait limit: Retry-After is honoured in full, then the check goes on', async () => {
    const slept: number[] = [];
    const s = await dcRun({ rateLimit: { remaining: 1, retryAfter: '1' } }, {}, DC_SECRETS.token, { sleep: async (ms) => void slept.push(ms) });
    try {
      const run = await s.run();
      expect(slept).toEqual([1000]);
      expect(run.record.checks.network?.status).toBe('reached');
      expect(run.record.checks.rate_limit).toBeUndefined();
      expect(run.record.readiness.verdict).toBe('ready');
    } finally {
      await s.close();
    }
  });

  it("the wizard's URL check (url.checkTarget) stores the same pending state, not a failed network record", async () => {
    const s = await dcRun({ rateLimit: { remaining: 100, retryAfter: '600' } }, {}, DC_SECRETS.token);
    try {
      const r = value<{ record: ChecksRun['record'] }>(await s.t.api.call('url.checkTarget', { target_id: s.id }));
      expect(r.record.checks.network).toBeUndefined();
      expect(r.record.checks.rate_limit).toMatchObject({ provider: 'bitbucket_data_center', retry_after_s: 600 });
      expect(r.record.readiness.blocking).not.toContain('PROVIDER_BASE_URL_BLOCKED');
    } finally {
      await s.close();
    }
  });
});

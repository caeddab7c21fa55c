import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../main/services/clock/clock';
import type { HttpClient } from '../../../../../main/services/net/http-client';
import { createCloudClient } from '../../../../../main/services/providers/bitbucket-cloud/cloud-client';
import { scrubSecrets } from '../../../../../main/services/providers/common/provider-result';
import { createDataCenterClient } from '../../../../../main/services/providers/data-center/dc-client';
import { createJiraClient } from '../../../../../main/services/providers/jira/jira-client';

// A provider (or a proxy in front of it) that echoes the request in its error body must not carry
// the credential into a finding.

const TOKEN = 'ATATT-echoed-secret-7f7f7f';
const now = fixedClock('2026-11-29T08:00:00.000Z');
const sleep = async () => undefined;

/** Answers 401 with a body quoting the Authorization header and the bare token, in each provider's error shape. */
const echoing =
  (shape: (text: string) => unknown): HttpClient =>
  async (req) => ({
    ok: true,
    response: { status: 401, headers: {}, url: req.url, body: JSON.stringify(shape(`bad header ${req.headers?.authorization ?? ''} (token ${TOKEN})`)) },
    evidence: { addresses: [], redirects: [], via_proxy: false, timings_ms: {} },
  });

describe('provider words are scrubbed of the credential', () => {
  it('scrubSecrets removes the secret and its base64 form', () => {
    expect(scrubSecrets(`x ${TOKEN} y ${Buffer.from(TOKEN).toString('base64')}`, [TOKEN])).toBe('x [redacted] y [redacted]');
    expect(scrubSecrets(undefined, [TOKEN])).toBeUndefined();
  });

  it.each([
    [
      'Bitbucket Cloud',
      () =>
        createCloudClient({ http: echoing((t) => ({ type: 'error', error: { message: t } })), credential: { method: 'api_token', email: 'dana@acme.example', token: TOKEN }, clock: now, sleep }).user(),
    ],
    [
      'Data Center',
      () =>
        createDataCenterClient({ http: echoing((t) => ({ errors: [{ message: t }] })), baseUrl: 'https://bb.acme.com', credential: { method: 'basic', username: 'dana', password: TOKEN }, clock: now, sleep }).authenticatedUser(),
    ],
    [
      'Jira',
      () =>
        createJiraClient({ http: echoing((t) => ({ errorMessages: [t] })), handoff: { flavor: 'cloud', base_url: 'https://a.atlassian.net', auth_method: 'api_token', account_email: 'dana@acme.example' }, secret: TOKEN, clock: now, sleep }).myself(),
    ],
  ])('%s', async (_n, call) => {
    const r = await call();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.code).toBe('PROVIDER_AUTH_REQUIRED');
    expect(r.failure.providerMessage).toContain('[redacted]');
    const text = JSON.stringify(r.failure);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
  });
});

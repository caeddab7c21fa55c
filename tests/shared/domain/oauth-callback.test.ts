import { describe, expect, it } from 'vitest';
import { parseOAuthCallbackUrl } from '../../../shared/domain/oauth-callback';
import { CloudTarget } from '../../../shared/domain/target';

// The callback URL an admin registers on the OAuth consumer: a loopback http URL with an explicit
// port, the only place this app can receive Bitbucket's answer.

describe('the OAuth callback URL', () => {
  it.each([
    ['http://127.0.0.1:8976/callback', 'http://127.0.0.1:8976/callback', '127.0.0.1', 8976, '/callback'],
    ['http://localhost:8976/bts/oauth', 'http://localhost:8976/bts/oauth', 'localhost', 8976, '/bts/oauth'],
    ['  http://LOCALHOST:65535/  ', 'http://localhost:65535/', 'localhost', 65535, '/'],
  ] as const)('accepts %s', (text, url, host, port, path) => {
    expect(parseOAuthCallbackUrl(text)).toEqual({ ok: true, value: { url, host, port, path } });
  });

  it.each([
    ['not a URL', 'syntax'],
    ['https://127.0.0.1:8976/callback', 'scheme'],
    ['bitbucket-target://callback', 'scheme'],
    ['http://example.com:8976/callback', 'host'],
    ['http://127.0.0.2:8976/callback', 'host'],
    ['http://[::1]:8976/callback', 'host'],
    ['http://0.0.0.0:8976/callback', 'host'],
    ['http://localhost.evil.example:8976/callback', 'host'],
    ['http://127.0.0.1/callback', 'port'],
    ['http://127.0.0.1:80/callback', 'port'],
    ['http://127.0.0.1:443/callback', 'port'],
    ['http://127.0.0.1:0/callback', 'port'],
    ['http://dana:pw@127.0.0.1:8976/callback', 'userinfo'],
    ['http://127.0.0.1:8976/callback?x=1', 'query'],
    ['http://127.0.0.1:8976/callback#top', 'query'],
  ] as const)('refuses %s (%s)', (text, reason) => {
    const r = parseOAuthCallbackUrl(text);
    expect(r.ok ? 'accepted' : r.reason).toBe(reason);
    if (!r.ok) expect(r.message).toContain(`(${reason})`);
  });

  it('is stored normalised on a Cloud target, and a refused one is a parse error that names the reason', () => {
    const base = { id: 'c1', name: 'c', created_at: '2026-11-29T07:00:00.000Z', updated_at: '2026-11-29T07:00:00.000Z', provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0', auth_method: 'oauth' };
    expect(CloudTarget.parse({ ...base, oauth_callback_url: 'http://LOCALHOST:8976/callback' }).oauth_callback_url).toBe('http://localhost:8976/callback');
    const bad = CloudTarget.safeParse({ ...base, oauth_callback_url: 'https://app.example/callback' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]).toMatchObject({ path: ['oauth_callback_url'], message: expect.stringContaining('(scheme)') });
  });
});

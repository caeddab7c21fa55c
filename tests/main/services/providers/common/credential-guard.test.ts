import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../../../main/services/net/http-client';
import { credentialGuard } from '../../../../../main/services/providers/common/credential-guard';

// The client-side guard: a request carrying Authorization leaves only for a bound origin.

const sent: HttpRequest[] = [];
const http = credentialGuard(async (req) => {
  sent.push(req);
  return { ok: true, response: { status: 200, headers: {}, body: '', url: req.url }, evidence: { addresses: [], redirects: [], via_proxy: false, timings_ms: {} } };
}, ['https://bitbucket.corp.example']);

describe('credentialGuard', () => {
  it.each([
    ['another host', 'https://attacker.example/rest/api/1.0/application-properties'],
    ['another port of the same host', 'https://bitbucket.corp.example:8443/rest'],
    ['plain http on the same host', 'http://bitbucket.corp.example/rest'],
    ['a look-alike sub-domain', 'https://bitbucket.corp.example.attacker.example/rest'],
    ['an unparseable URL', 'not a url'],
  ])('refuses, unsent, an authenticated request to %s', async (_label, url) => {
    for (const name of ['authorization', 'Authorization']) {
      const before = sent.length;
      const r = await http({ url, headers: { [name]: 'Bearer secret-token' } });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toBe('ownership');
      expect(!r.ok && r.detail).toContain('bound to https://bitbucket.corp.example');
      expect(sent.length).toBe(before);
    }
  });

  it('sends an authenticated request to the bound origin (any path, upper-case host), and any unauthenticated one', async () => {
    expect((await http({ url: 'https://BITBUCKET.corp.example:443/bitbucket/rest', headers: { authorization: 'Bearer t' } })).ok).toBe(true);
    expect((await http({ url: 'https://elsewhere.example/', headers: { accept: 'application/json' } })).ok).toBe(true);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../main/services/static-files/page-policy';
import { makeStaticFixture } from '../server/static-fixture';

// What only the app:// handler decides: its scheme, its host and its method. Which files it
// serves is the rule it shares with browser mode (tests/main/services/static-files/).

const fixture = makeStaticFixture();
afterAll(() => fixture.cleanup());

const get = (url: string, method = 'GET') => createAppProtocolHandler(fixture.root)(new Request(url, { method }));

describe('the app:// protocol handler', () => {
  it('serves the entry page with the page policy as response headers', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<title>fixture index</title>');
  });

  it.each(['app://other/index.html', 'https://bundle/index.html', 'app://bundle:8080/index.html', 'file:///index.html'])(
    'refuses %s (another origin) with 404 and still sends the CSP',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toBe('Not found');
    },
  );

  it.each(['POST', 'PUT', 'DELETE', 'HEAD'])('refuses %s with 405', async (method) => {
    const response = await get('app://bundle/index.html', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

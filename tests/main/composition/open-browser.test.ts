import { describe, expect, it } from 'vitest';
import { openCommandFor, openInBrowser } from '../../../main/composition/open-browser';

describe('openCommandFor', () => {
  const cases: Array<[NodeJS.Platform, Record<string, string>, { command: string; args: string[] }]> = [
    ['linux', {}, { command: 'xdg-open', args: ['file:///run/user/1000/x.html'] }],
    ['darwin', {}, { command: 'open', args: ['file:///run/user/1000/x.html'] }],
    ['win32', {}, { command: 'rundll32', args: ['url.dll,FileProtocolHandler', 'file:///run/user/1000/x.html'] }],
    ['linux', { BROWSER: 'firefox' }, { command: 'firefox', args: ['file:///run/user/1000/x.html'] }],
    ['darwin', { BROWSER: ' /opt/b/browser ' }, { command: '/opt/b/browser', args: ['file:///run/user/1000/x.html'] }],
    ['linux', { BROWSER: '' }, { command: 'xdg-open', args: ['file:///run/user/1000/x.html'] }],
  ];
  it.each(cases)('%s with %j → %j', (platform, env, expected) => expect(openCommandFor(platform, 'file:///run/user/1000/x.html', env)).toEqual(expected));
});

describe('openInBrowser', () => {
  it('answers a missing opener as a value, not a crash', async () => {
    expect(await openInBrowser('file:///x.html', { env: { BROWSER: '/nonexistent/browser' } })).toEqual({ ok: false, reason: '/nonexistent/browser is not installed' });
  });
});

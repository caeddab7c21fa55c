import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, originOf } from '../../../main/electron/app-origin';
import { isAllowedExternalUrl } from '../../../main/electron/external-links';
import { decideNavigation, decideWindowOpen } from '../../../main/electron/navigation-policy';

// [url, navigation in the window, opened in the system browser on window.open]
const URLS: ReadonlyArray<readonly [string, 'allow' | 'deny', boolean]> = [
  ['https://evil.example', 'deny', false],
  ['https://evil.example/app://bundle/', 'deny', false],
  ['file:///etc/passwd', 'deny', false],
  ['javascript:alert(1)', 'deny', false],
  ['data:text/html,<script>alert(1)</script>', 'deny', false],
  ['about:blank', 'deny', false],
  ['blob:app://bundle/1234', 'deny', false],
  [APP_ENTRY_URL, 'allow', false],
  [`${APP_ORIGIN}/`, 'allow', false],
  [`${APP_ORIGIN}/assets/index.js#/wizard`, 'allow', false],
  ['app://bundle.evil.example/', 'deny', false],
  ['app://evil/', 'deny', false],
  ['app://bundle:8080/', 'deny', false],
  ['http://127.0.0.1:5173/', 'deny', false],
  ['https://support.atlassian.com/bitbucket-cloud/docs/api-tokens/', 'deny', true],
  ['https://developer.atlassian.com/cloud/bitbucket/rest/', 'deny', true],
  ['https://confluence.atlassian.com/bitbucketserver/', 'deny', true],
  ['https://docs.webriskops.com/settings/bitbucket', 'deny', true],
  ['http://support.atlassian.com/bitbucket-cloud/', 'deny', false],
  ['https://support.atlassian.com.evil.example/', 'deny', false],
  ['https://evil.example/?u=https://support.atlassian.com/', 'deny', false],
  ['https://user:pw@support.atlassian.com/', 'deny', false],
  ['https://support.atlassian.com:8443/', 'deny', false],
  ['https://atlassian.com/', 'deny', false],
  ['not a url', 'deny', false],
  ['', 'deny', false],
];

describe('navigation and window-open decisions', () => {
  it.each(URLS)('%s → navigate %s, open externally %s', (url, navigation, external) => {
    expect(decideNavigation(url)).toBe(navigation);
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: external });
    expect(isAllowedExternalUrl(url)).toBe(external);
  });
});

describe('originOf', () => {
  it.each([
    ['app://bundle/index.html', 'app://bundle'],
    ['https://Support.Atlassian.com/x', 'https://support.atlassian.com'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['data:,x', null],
    ['::', null],
  ] as const)('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it('accepts an explicit origin list (one entry per allowed origin, nothing else)', () => {
    expect(isAppUrl('app://bundle/x', ['app://other'])).toBe(false);
    expect(isAppUrl('app://other/x', ['app://other'])).toBe(true);
  });
});

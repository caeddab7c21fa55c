import { describe, expect, it } from 'vitest';
import { createExternalOpener } from '../../../main/electron/open-external';
import { isOAuthConsentPage } from '../../../main/services/providers/oauth/consent-page';

const recordingShell = () => {
  const opened: string[] = [];
  return { opened, shell: { openExternal: async (url: string) => void opened.push(url) } };
};

describe('createExternalOpener', () => {
  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'http://support.atlassian.com/',
    'ms-settings:privacy',
    'https://support.atlassian.com@evil.example/',
  ])('never hands %s to the operating system', async (url) => {
    const { opened, shell } = recordingShell();
    expect(await createExternalOpener(shell)(url)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('opens an allowlisted documentation link', async () => {
    const { opened, shell } = recordingShell();
    const url = 'https://developer.atlassian.com/cloud/bitbucket/rest/intro/';
    expect(await createExternalOpener(shell)(url)).toBe(true);
    expect(opened).toEqual([url]);
  });
});

describe('the OAuth consent opener', () => {
  it.each([
    ['https://bitbucket.org/site/oauth2/authorize?client_id=a&response_type=code&state=s', true],
    ['https://bitbucket.org/site/oauth2/access_token', false],
    ['http://bitbucket.org/site/oauth2/authorize', false],
    ['https://bitbucket.org.evil.example/site/oauth2/authorize', false],
    ['https://x@bitbucket.org/site/oauth2/authorize', false],
    ['https://bitbucket.org:444/site/oauth2/authorize', false],
    ['https://support.atlassian.com/', false],
  ] as const)('%s → %s', async (url, allowed) => {
    const { opened, shell } = recordingShell();
    expect(await createExternalOpener(shell, isOAuthConsentPage)(url)).toBe(allowed);
    expect(opened).toEqual(allowed ? [url] : []);
  });
});

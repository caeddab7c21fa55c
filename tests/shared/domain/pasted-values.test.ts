import { describe, expect, it } from 'vitest';
import { cleanPastedSecret, cloudRepositoryFromUrl } from '../../../shared/domain/pasted-values';
import { carriesUserinfo } from '../../../shared/domain/url-userinfo';
import { cloudTarget, dataCenterTarget } from '../../support/domain-builders';

const dcBasic = dataCenterTarget({ auth_method: 'basic' });

describe('cloudRepositoryFromUrl', () => {
  it.each<[string, ReturnType<typeof cloudRepositoryFromUrl>]>([
    ['https://bitbucket.org/acme/payments', { workspace: 'acme', repository: 'payments' }],
    ['https://bitbucket.org/acme/payments/src/main/README.md', { workspace: 'acme', repository: 'payments' }],
    ['  https://bitbucket.org/acme/payments/\n', { workspace: 'acme', repository: 'payments' }],
    ['bitbucket.org/acme/payments', { workspace: 'acme', repository: 'payments' }],
    ['https://www.bitbucket.org/acme/payments?tab=x', { workspace: 'acme', repository: 'payments' }],
    ['https://dana@bitbucket.org/acme/payments.git', { workspace: 'acme', repository: 'payments' }],
    ['git@bitbucket.org:acme/payments.git', { workspace: 'acme', repository: 'payments' }],
    ['ssh://git@bitbucket.org/acme/payments.git', { workspace: 'acme', repository: 'payments' }],
    ['https://bitbucket.org/acme', { workspace: 'acme' }],
    ['https://bitbucket.org/acme/', { workspace: 'acme' }],
  ])('%j → %j', (text, expected) => {
    expect(cloudRepositoryFromUrl(text)).toEqual(expected);
  });

  it.each(['acme', 'payments', 'https://bitbucket.example.com/acme/payments', 'https://notbitbucket.org/acme/x', 'https://bitbucket.org.evil.example/acme/x', 'https://bitbucket.org/a%20b/x', ''])(
    '%j is not a Bitbucket Cloud URL: left as typed',
    (text) => {
      expect(cloudRepositoryFromUrl(text)).toBeNull();
    },
  );
});

describe('cleanPastedSecret', () => {
  it.each([
    ['ATATT3x-token\n', 'ATATT3x-token'],
    ['\r\n  ATATT3x-token \t\r\n', 'ATATT3x-token'],
    [' ATATT3x-token', 'ATATT3x-token'],
  ])('a token %j loses the whitespace around it', (pasted, meant) => {
    expect(cleanPastedSecret(cloudTarget(), 'bitbucket', pasted)).toBe(meant);
    expect(cleanPastedSecret(cloudTarget(), 'jira', pasted)).toBe(meant);
  });

  it('a Data Center password keeps its spaces and loses only the pasted line break; its HTTP access token is trimmed', () => {
    expect(cleanPastedSecret(dcBasic, 'bitbucket', ' pass word \n')).toBe(' pass word ');
    expect(cleanPastedSecret(dataCenterTarget({ auth_method: 'http_access_token' }), 'bitbucket', ' BBDC-token\n')).toBe('BBDC-token');
  });
});

describe('carriesUserinfo (the wizard and targets.save share it)', () => {
  it.each(['https://admin:pw@bitbucket.corp.example/', 'https://admin@bitbucket.corp.example', 'https:admin:pw@bitbucket.corp.example', 'https:///u@h.example'])('%j carries user info', (url) => {
    expect(carriesUserinfo(url)).toBe(true);
  });
  it.each(['https://bitbucket.corp.example/', 'https://bitbucket.corp.example/users/@me', 'https://h.example/?a=@b'])('%j does not', (url) => {
    expect(carriesUserinfo(url)).toBe(false);
  });
});

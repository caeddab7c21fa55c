import { describe, expect, it } from 'vitest';
import { REDACTED, redactString, redactValue } from '../../../../main/services/logging/redact';

const SECRETS: ReadonlyArray<readonly [string, string, string]> = [
  ['bearer header', 'Authorization: Bearer abc.DEF-123_token', 'abc.DEF-123_token'],
  ['basic header', 'sent Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
  ['userinfo in a URL', 'GET https://admin:hunter2secret@git.example.com/rest', 'hunter2secret'],
  ['token query parameter', 'callback https://x.example/cb?code=oauthcode123&state=1', 'oauthcode123'],
  ['access_token query', 'https://x.example/?access_token=tok-9f8e7d', 'tok-9f8e7d'],
  ['PEM private key', 'key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq\n-----END PRIVATE KEY----- done', 'MIIEvQIBADANBgkq'],
  ['JWT', 'id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0'],
  ['Atlassian API token', 'token ATATT3xFfGF0abcdefghijklmnop', 'ATATT3xFfGF0abcdefghijklmnop'],
  ['JSON password field', '{"password":"pa55word!"}', 'pa55word!'],
  ['key=value secret', 'client_secret=s3cr3tvalue', 's3cr3tvalue'],
];

describe('redactString', () => {
  it.each(SECRETS)('removes a %s', (_label, text, secret) => {
    const out = redactString(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('removes an exact known secret wherever it appears', () => {
    expect(redactString('the value is plainwords42 here', ['plainwords42'])).toBe(`the value is ${REDACTED} here`);
  });

  it.each([
    ['base64', Buffer.from('plain+words/42=').toString('base64')],
    ['base64url', Buffer.from('plain+words/42=').toString('base64url')],
    ['URL-encoded', encodeURIComponent('plain+words/42=')],
    ['base64 inside a longer base64 text', Buffer.from('{"echo":"plain+words/42="}').toString('base64')],
  ])('removes a known secret in its %s form too (the one scrubber)', (_name, form) => {
    const out = redactString(`seen ${form} end`, ['plain+words/42=']);
    expect(out).toContain(REDACTED);
    expect(out).not.toContain(form);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Checked https://bitbucket.example.com/rest/api/1.0 in 120 ms (PROVIDER_AUTH_REQUIRED)';
    expect(redactString(text)).toBe(text);
  });
});

describe('redactValue', () => {
  it('blanks keys that name a secret, however deep', () => {
    const out = redactValue({ target: { id: 't1', auth: { token: 'tok-1', password: 'pw-1' } }, apiKey: 'k-1', headers: { Authorization: 'x' } });
    const text = JSON.stringify(out);
    for (const s of ['tok-1', 'pw-1', 'k-1', '"x"']) expect(text).not.toContain(s);
    expect(text).toContain('t1');
  });

  it('keeps an error as name and redacted message only', () => {
    const out = redactValue(new Error('failed with Bearer abcdefgh')) as { name: string; message: string };
    expect(out).toEqual({ name: 'Error', message: `failed with Bearer ${REDACTED}` });
  });

  it('bounds depth on cyclic input', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(JSON.stringify(redactValue(a))).toContain('[depth]');
  });
});

import { describe, expect, it } from 'vitest';
import { MASK, redactText } from '../../../renderer/safe-mode/redact';

describe('redactText (screen-share safe mode)', () => {
  it.each([
    ['https://bitbucket.acme-corp.internal:8443/scm', 'https://[hidden]:8443/scm'],
    ['Host bitbucket.acme-corp.internal resolved to 10.20.30.40', `Host ${MASK} resolved to ${MASK}`],
    ['blocked: 169.254.169.254 is link-local', `blocked: ${MASK} is link-local`],
    ['answer fd00::1 is unique-local', `answer ${MASK} is unique-local`],
    ['mapped ::ffff:127.0.0.1 refused', `mapped ${MASK} refused`],
    ['signed in as admin.person@acme-corp.example', `signed in as ${MASK}`],
    ['https://user@evil.example/', 'https://[hidden]/'],
  ])('masks %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    ['PROVIDER_BASE_URL_BLOCKED: reserved_ip'],
    ['Bitbucket Cloud issues were retired on 2026-08-20'],
    ['Save the file target.wrobundle.json'],
    ['version 8.19.1 build 8019001'],
    ['checked at 2026-11-29T08:00:00.000Z, took 00:01:02'],
  ])('leaves %s alone', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('masks the known workspace, repository and user names as whole words only', () => {
    const out = redactText('workspace acme-ws, repository payments-api, user jdoe; acme-wsx stays', ['acme-ws', 'payments-api', 'jdoe']);
    expect(out).toBe(`workspace ${MASK}, repository ${MASK}, user ${MASK}; acme-wsx stays`);
  });
});

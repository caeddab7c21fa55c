import { describe, expect, it } from 'vitest';
import { bindingOf, secretUse, type CredentialBinding } from '../../../shared/domain/credential-binding';
import { dataCenterTarget } from '../../support/domain-builders';

// The one "may this stored secret be sent here?" answer that check runs, Jira, bulk and the
// provider lists share (issue 12): a secret bound to another origin or CA is withheld, with why.

const t = dataCenterTarget();
const here = bindingOf(t, 'bitbucket');

describe('secretUse', () => {
  it('sends a secret bound to the target as it is, to that origin', () => {
    expect(secretUse(t, 'bitbucket', here)).toEqual({ usable: true, binding: { origin: 'https://bitbucket.corp.acme.com', ca_fingerprints: [] } });
  });

  it('binds a secret stored before bindings were kept to the target as it is now', () => {
    expect(secretUse(t, 'bitbucket', undefined)).toEqual({ usable: true, binding: here });
  });

  const elsewhere: Array<[string, CredentialBinding, RegExp]> = [
    ['another origin', { origin: 'https://old.acme.com', ca_fingerprints: [] }, /entered for https:\/\/old\.acme\.com, the target now points at https:\/\/bitbucket\.corp\.acme\.com/],
    ['another corporate CA', { origin: here.origin, ca_fingerprints: ['AA:BB:CC'] }, /entered trusting the corporate CA AA:BB:CC…, the target now trusts the system certificates/],
    ['no URL at the time', { origin: null, ca_fingerprints: [] }, /entered for no URL/],
  ];
  it.each(elsewhere)('withholds a secret bound to %s and says why', (_n, bound, why) => {
    const use = secretUse(t, 'bitbucket', bound);
    expect(use.usable).toBe(false);
    if (use.usable) return;
    expect(use.reason).toMatch(/^The stored Bitbucket credential was not sent: /);
    expect(use.reason).toMatch(why);
  });

  it('judges the Jira secret by the Jira URL, not the Bitbucket one', () => {
    const withJira = dataCenterTarget({ jira: { flavor: 'data_center', base_url: 'https://jira.acme.com/', auth_method: 'personal_access_token' } });
    expect(secretUse(withJira, 'jira', { origin: 'https://jira.acme.com', ca_fingerprints: [] }).usable).toBe(true);
    const use = secretUse(withJira, 'jira', { origin: 'https://bitbucket.corp.acme.com', ca_fingerprints: [] });
    expect(use.usable ? '' : use.reason).toMatch(/^The stored Jira credential was not sent: it was entered for https:\/\/bitbucket\.corp\.acme\.com/);
  });
});

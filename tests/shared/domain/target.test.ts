import { describe, expect, it } from 'vitest';
import { TargetConfig, TargetDraft } from '../../../shared/domain/target';
import { cloudTarget, dataCenterTarget } from '../../support/domain-builders';

describe('target configuration schema', () => {
  it.each([
    ['a Cloud target', cloudTarget()],
    ['a Data Center target', dataCenterTarget()],
  ])('accepts %s', (_n, t) => {
    expect(TargetConfig.safeParse(t).success).toBe(true);
  });

  const bad: Array<[string, unknown]> = [
    ['Data Center with issue_workflow native', { ...dataCenterTarget(), issue_workflow: 'native' }],
    ['Cloud with allowlist_status', { ...cloudTarget(), allowlist_status: 'direct' }],
    ['Cloud with a base_url other than the API root', { ...cloudTarget(), base_url: 'https://evil.example/2.0' }],
    ['Cloud in self-hosted mode', { ...cloudTarget(), deployment_mode: 'self-hosted' }],
    ['Data Center in cloud mode', { ...dataCenterTarget(), deployment_mode: 'cloud' }],
    ['a token field', { ...cloudTarget(), token: 's3cr3t' }],
    ['a password field', { ...dataCenterTarget(), password: 's3cr3t' }],
    ['a secret inside jira', { ...cloudTarget(), jira: { flavor: 'cloud', base_url: 'https://a.atlassian.net', auth_method: 'api_token', api_token: 'x' } }],
    ['an unknown provider', { ...cloudTarget(), provider_key: 'github' }],
    ['a Data Center auth method on Cloud', { ...cloudTarget(), auth_method: 'http_access_token' }],
    ['a Cloud auth method on Data Center', { ...dataCenterTarget(), auth_method: 'oauth' }],
    ['an unknown priority', { ...cloudTarget(), priority: 'urgent' }],
    ['an unknown portable format', { ...cloudTarget(), portable: { format: 'xlsx' } }],
    ['an unknown allowlist status', { ...dataCenterTarget(), allowlist_status: 'vpn' }],
    ['an id with a slash', { ...cloudTarget(), id: '../etc' }],
  ];
  it.each(bad)('rejects %s', (_n, value) => {
    expect(TargetConfig.safeParse(value).success).toBe(false);
  });

  it('a draft without a provider is refused: no repository field comes before provider_key', () => {
    expect(TargetDraft.safeParse({ workspace: 'acme', repository_slug: 'payments' }).success).toBe(false);
  });

  it('a draft with only the provider is enough to save', () => {
    const parsed = TargetDraft.safeParse({ provider_key: 'bitbucket_data_center_issues', deployment_mode: 'self-hosted' });
    expect(parsed.success).toBe(true);
  });
});

describe('Data Center project keys', () => {
  it.each(['SEC', 'A', 'PAY_2', '~dana', '~dana.smith', '~dana-smith', '~svc_ci.bot-1'])('accepts %s', (key) => {
    expect(TargetConfig.safeParse(dataCenterTarget({ workspace: key })).success).toBe(true);
  });
  it.each(['sec', '2SEC', 'SE-C', '~', '~.dana', '~dana/notes', '~dana smith', '~~dana'])('refuses %j', (key) => {
    expect(TargetConfig.safeParse({ ...dataCenterTarget(), workspace: key }).success).toBe(false);
  });
});

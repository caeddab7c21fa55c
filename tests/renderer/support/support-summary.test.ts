import { describe, expect, it } from 'vitest';
import type { TargetRecord } from '../../../shared/contract';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import { TargetConfig } from '../../../shared/domain/target';
import { supportSummary } from '../../../renderer/support/support-summary';

const target = TargetConfig.parse({
  id: 'dc-1',
  name: 'Payments on bitbucket.acme-corp.internal',
  created_at: '2026-11-29T08:00:00.000Z',
  updated_at: '2026-11-29T08:00:00.000Z',
  provider_key: 'bitbucket_data_center_issues',
  deployment_mode: 'self-hosted',
  base_url: 'https://bitbucket.acme-corp.internal/',
  username: 'jdoe-admin',
  workspace: 'PAY',
});
const checks = { url_safety: { status: 'blocked' as const, reason: 'private_network' as const, detail: '10.1.2.3 is private', addresses: [], checked_at: '2026-11-29T08:00:00.000Z' } };
const record: TargetRecord = { target, checks, credential: 'missing', readiness: evaluateReadiness(target, checks) };
const base = { info: { name: 'Bitbucket Target Setup', version: '0.1.0', mode: 'browser' as const, runtime: { node: '20' } }, screen: 'wizard', step: 'target' as const, record, targets: [record] };

describe('supportSummary', () => {
  it('names the version, the step, the codes and the check verdicts', () => {
    const text = supportSummary({ ...base, failure: null, safeMode: false });
    expect(text).toContain('0.1.0 (browser mode)');
    expect(text).toContain('step: Target');
    expect(text).toContain('PROVIDER_BASE_URL_BLOCKED');
    expect(text).toContain('url_safety: blocked (private_network)');
  });

  it('with safe mode on, holds no hostname, IP or user name, even in the error text', () => {
    const failure = { code: 'PROVIDER_BASE_URL_BLOCKED' as const, message: 'bitbucket.acme-corp.internal resolved to 10.1.2.3 for jdoe-admin' };
    const text = supportSummary({ ...base, failure, safeMode: true });
    for (const leak of ['acme-corp', '10.1.2.3', 'jdoe-admin']) expect(text).not.toContain(leak);
    expect(text).toContain('PROVIDER_BASE_URL_BLOCKED');
  });
});

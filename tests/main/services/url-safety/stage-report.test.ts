import { describe, expect, it } from 'vitest';
import { checkUrlOffline } from '../../../../main/services/url-safety/offline-check';
import { DEFAULT_POLICY, type AddressPolicy, judgeAddress } from '../../../../main/services/url-safety/policy';

const tunnel: AddressPolicy = { deployment: 'self-hosted', allowlist_status: 'approved_tunnel', acknowledge_private: false };

const statusOf = (input: string, policy: AddressPolicy) =>
  Object.fromEntries(checkUrlOffline(input, policy, judgeAddress).stages.map((s) => [s.stage, s.status]));

// The wizard shows one row per stage: the row that turns red must be the one that decided.
describe('which stage reports the block', () => {
  it.each([
    ['a public address', 'https://8.8.4.4/', DEFAULT_POLICY, { addresses: 'passed', policy: 'passed' }],
    ['a private address without an approved path', 'https://10.20.0.5/', DEFAULT_POLICY, { addresses: 'passed', policy: 'failed' }],
    ['a private address behind an approved tunnel', 'https://10.20.0.5/', tunnel, { addresses: 'passed', policy: 'passed' }],
    ['a loopback address, whatever the policy', 'https://127.0.0.1/', tunnel, { addresses: 'failed', policy: 'skipped' }],
    ['the metadata address', 'https://169.254.169.254/', tunnel, { addresses: 'failed', policy: 'skipped' }],
  ] as const)('%s', (_name, input, policy, expected) => {
    expect(statusOf(input, policy)).toMatchObject(expected);
  });
});

import { expect } from 'vitest';
import type { testApi } from './test-api';

// A Bitbucket Cloud target saved through the contract (acme/payments, an API token with its
// account e-mail) and its token stored in the keychain: ready for checks.run against whatever
// origin the api's fixed-origin client is bound to.

export const savedCloudTarget = async (t: ReturnType<typeof testApi>, token: string): Promise<string> => {
  const saved = await t.api.call('targets.save', {
    target: { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0', workspace: 'acme', repository_slug: 'payments', auth_method: 'api_token', account_email: 'dana@acme.example' },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const id = (saved.value as { target: { id: string } }).target.id;
  expect((await t.api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: token })).ok).toBe(true);
  return id;
};

import { ok } from '../../../shared/contract/define';
import { credentialStatus } from '../../services/secrets/credentials';
import { deleteTargetCredentials, storeTargetCredential } from '../../services/targets/credential-changes';
import { loadTarget } from '../../services/targets/stored-targets';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import { withKeychain } from './keychain-guard';

type CredentialHandlers = Pick<Handlers, 'credentials.store' | 'credentials.status' | 'credentials.delete'>;

export const credentialHandlers = (deps: ApiDeps): CredentialHandlers => ({
  'credentials.store': ({ target_id, kind, secret, consumer_key, expires_on }) =>
    withKeychain(async () => {
      const stored = await storeTargetCredential(deps, {
        targetId: target_id,
        kind,
        secret,
        storedAt: deps.clock.now().toISOString(),
        ...(consumer_key === undefined ? {} : { consumerKey: consumer_key }),
        ...(expires_on === undefined ? {} : { expiresOn: expires_on }),
      });
      if (stored.ok) deps.logger?.info('credentials.store', { target_id: stored.value.record.target.id, kind, state: 'stored', expiry_basis: stored.value.expiry?.basis ?? 'none' });
      return stored;
    }),

  'credentials.status': ({ target_id }) =>
    withKeychain(async () => {
      const found = await loadTarget(deps.settings, target_id);
      if (!found.ok) return found;
      return ok({ target_id: found.value.target.id, credentials: await credentialStatus(deps.secrets, found.value.target.id, found.value.checks) });
    }),

  'credentials.delete': ({ target_id, kind }) =>
    withKeychain(async () => {
      const done = await deleteTargetCredentials(deps, { targetId: target_id, ...(kind === undefined ? {} : { kind }) });
      if (done.ok) deps.logger?.info('credentials.delete', { target_id, deleted: done.value.deleted });
      return done;
    }),
});

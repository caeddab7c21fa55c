import { ok } from '../../../shared/contract/define';
import { credentialStatus, deleteCredentials, storeCredential } from '../../services/secrets/credentials';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import { withKeychain } from './keychain-guard';
import { loadTarget, storeChecks } from './stored-target';

type CredentialHandlers = Pick<Handlers, 'credentials.store' | 'credentials.status' | 'credentials.delete'>;

/** A new secret makes the old verdicts about the old one stale. */
const STALE_AFTER = { bitbucket: ['auth', 'workspace', 'repository', 'issue_tracking', 'scopes'], oauth_consumer: ['auth', 'workspace', 'repository', 'issue_tracking', 'scopes'], jira: ['jira'] } as const;

export const credentialHandlers = (deps: ApiDeps): CredentialHandlers => ({
  'credentials.store': ({ target_id, kind, secret, consumer_key }) =>
    withKeychain(async () => {
      const found = await loadTarget(deps.settings, target_id);
      if (!found.ok) return found;
      await storeCredential(deps.secrets, { targetId: found.value.target.id, kind, secret, ...(consumer_key === undefined ? {} : { consumerKey: consumer_key }) });
      const stale: readonly string[] = STALE_AFTER[kind];
      const written = await storeChecks(deps.settings, found.value.target, (c) => Object.fromEntries(Object.entries(c).filter(([k]) => !stale.includes(k))));
      if (!written.ok) return written;
      deps.logger?.info('credentials.store', { target_id: found.value.target.id, kind, state: 'stored' });
      return ok({ target_id: found.value.target.id, kind, state: 'stored' as const });
    }),

  'credentials.status': ({ target_id }) =>
    withKeychain(async () => {
      const found = await loadTarget(deps.settings, target_id);
      if (!found.ok) return found;
      return ok({ target_id: found.value.target.id, credentials: await credentialStatus(deps.secrets, found.value.target.id, found.value.checks) });
    }),

  'credentials.delete': ({ target_id, kind }) =>
    withKeychain(async () => {
      const deleted = await deleteCredentials(deps.secrets, target_id, kind);
      deps.logger?.info('credentials.delete', { target_id, deleted });
      return ok({ target_id, deleted });
    }),
});

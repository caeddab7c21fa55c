import { fail, ok, type Result } from '../../../shared/contract/define';
import type { OAuthConnected } from '../../../shared/contract/checks';
import { parseOAuthCallbackUrl } from '../../../shared/domain/oauth-callback';
import { isCloud } from '../../../shared/domain/target';
import type { Clock } from '../clock/clock';
import type { Logger } from '../logging/logger';
import { connectOAuth, scopesOf } from '../providers/oauth/oauth-flow';
import type { ProviderDeps } from '../providers/provider-deps';
import { readConsumer } from '../secrets/credentials';
import { storeOAuthTokens } from '../secrets/oauth-tokens';
import type { TargetKeychainDeps } from './credential-changes';
import { refreshTokenIssued, updateCredentialMeta, withoutKinds } from './credential-meta';
import { dropStaleAfterSecret } from './invalidate-checks';
import { forgetChecks, loadTarget } from './stored-targets';
import { freshRecord } from './target-records';

/**
 * Bitbucket Cloud OAuth sign-in for a saved target: the consumer from the keychain, the consent in
 * the system browser, the issued tokens into the keychain, the credential checks about the old
 * token dropped. Answers the fresh record and the granted scopes; never a token.
 */
export const signInWithOAuth = async (
  deps: TargetKeychainDeps & { readonly providers: ProviderDeps; readonly clock: Clock; readonly logger?: Logger | undefined },
  targetId: string,
): Promise<Result<OAuthConnected>> => {
  const found = await loadTarget(deps.settings, targetId);
  if (!found.ok) return found;
  const { target } = found.value;
  if (!isCloud(target) || target.auth_method !== 'oauth') return fail('REQUEST_INVALID', 'OAuth sign-in applies to Bitbucket Cloud targets whose auth method is oauth.');
  if (target.oauth_callback_url === undefined) {
    return fail('OAUTH_CALLBACK_INVALID', 'Enter the callback URL registered on the OAuth consumer (http://127.0.0.1:PORT/… or http://localhost:PORT/…) first.', { reason: 'missing' });
  }
  const callback = parseOAuthCallbackUrl(target.oauth_callback_url);
  if (!callback.ok) return fail('OAUTH_CALLBACK_INVALID', callback.message, { reason: callback.reason });
  const consumer = await readConsumer(deps.secrets, target.id);
  if (consumer === null) return fail('PROVIDER_AUTH_REQUIRED', 'Store the OAuth consumer key and secret first.');
  const { providers } = deps;
  const tokens = await connectOAuth({
    consumer,
    callback: callback.value,
    http: providers.cloudHttp,
    openExternal: providers.openExternal,
    // Anyone on this machine can call the listener: what it refused is logged as a fact, never its content.
    onIgnored: (ignored) => deps.logger?.warn('oauth.callback_ignored', { target_id: target.id, reason: ignored.reason }),
    ...(providers.oauthEndpoints === undefined ? {} : { endpoints: providers.oauthEndpoints }),
    ...(providers.oauthTimeoutMs === undefined ? {} : { timeoutMs: providers.oauthTimeoutMs }),
  });
  if (!tokens.ok) return tokens;
  const changed = await storeOAuthTokens(deps.secrets, target.id, tokens.value);
  // The refresh token lapses after 3 months unused: the radar counts from this day (and from each refresh).
  const storedAt = deps.clock.now().toISOString();
  const meta = await updateCredentialMeta(deps.settings, target.id, (m) =>
    tokens.value.refresh_token === undefined
      ? withoutKinds(m, ['bitbucket', 'bitbucket_refresh'])
      : { ...withoutKinds(m, ['bitbucket']), bitbucket_refresh: refreshTokenIssued(storedAt) },
    'bitbucket',
  );
  if (!meta.ok) return meta;
  const stored = await forgetChecks(deps.settings, target.id, (checks) => dropStaleAfterSecret(checks, changed));
  if (!stored.ok) return stored;
  return ok({ record: await freshRecord(deps.secrets, stored.value), state: 'stored', scopes: scopesOf(tokens.value) });
};

import { ok } from '../../../shared/contract/define';
import { portableSample } from '../../services/providers/portable/portable-sample';
import type { CheckRunDeps } from '../../services/providers/provider-deps';
import { runStoredChecks, runStoredJiraCheck } from '../../services/targets/check-runs';
import { signInWithOAuth } from '../../services/targets/oauth-sign-in';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import { withKeychain } from './keychain-guard';

type CheckHandlers = Pick<Handlers, 'checks.run' | 'jira.check' | 'oauth.connect' | 'portable.sample'>;

export const checkHandlers = (deps: ApiDeps): CheckHandlers => {
  // Every root hands in providers and its one network (required in ApiDeps): the same network the url.* methods use.
  const run: CheckRunDeps = { ...deps.providers, network: deps.network, secrets: deps.secrets, clock: deps.clock };
  return {
    'checks.run': ({ target_id }) =>
      withKeychain(async () => {
        const done = await runStoredChecks(deps.settings, run, target_id);
        if (!done.ok) return done;
        const { record, findings } = done.value;
        // Facts only: ids, verdicts and codes. Findings never hold a secret, but their evidence stays out of the log.
        deps.logger?.info('checks.run', { target_id: record.target.id, verdict: record.readiness.verdict, blocking: record.readiness.blocking, findings: findings.map((f) => ({ id: f.id, verdict: f.verdict, code: f.code })) });
        return done;
      }),

    'jira.check': ({ target_id }) =>
      withKeychain(async () => runStoredJiraCheck(deps.settings, run, target_id)),

    'oauth.connect': ({ target_id }) =>
      withKeychain(async () => {
        // The token exchange goes through the network's proxy settings: malformed, nothing starts.
        if (!deps.network.proxy.ok) return deps.network.proxy;
        const done = await signInWithOAuth({ settings: deps.settings, secrets: deps.secrets, providers: deps.providers, clock: deps.clock, logger: deps.logger }, target_id);
        deps.logger?.info('oauth.connect', { target_id, outcome: done.ok ? 'stored' : done.error.code, ...(done.ok ? {} : { reason: done.error.details?.['reason'] }) });
        return done;
      }),

    'portable.sample': async ({ format }) => ok(portableSample(format, deps.clock.now())),
  };
};

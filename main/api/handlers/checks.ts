import { ok } from '../../../shared/contract/define';
import { portableSample } from '../../services/providers/portable/portable-sample';
import type { CheckRunDeps } from '../../services/providers/provider-deps';
import { runStoredChecks, runStoredJiraCheck } from '../../services/targets/check-runs';
import { signInWithOAuth } from '../../services/targets/oauth-sign-in';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import type { CallContext } from '../calls';
import { withKeychain } from './keychain-guard';
import { cancellableSleep, networkOfCall } from '../../services/progress/call-progress';

type CheckHandlers = Pick<Handlers, 'checks.run' | 'jira.check' | 'oauth.connect' | 'portable.sample'>;

export const checkHandlers = (deps: ApiDeps): CheckHandlers => {
  // Every root hands in providers and its one network (required in ApiDeps): the same network the url.* methods use.
  const base: CheckRunDeps = { ...deps.providers, network: deps.network, secrets: deps.secrets, clock: deps.clock };
  // A named long call: its network and its Retry-After waits honour the caller's cancel, and report its stages.
  const runOf = (call: CallContext['call']): CheckRunDeps =>
    call === undefined ? base : { ...base, network: networkOfCall(deps.network, call), sleep: cancellableSleep(deps.providers.sleep, call) };
  return {
    'checks.run': ({ target_id }, { call }) =>
      withKeychain(async () => {
        const done = await runStoredChecks(deps.settings, runOf(call), target_id);
        if (!done.ok) return done;
        const { record, findings } = done.value;
        // Facts only: ids, verdicts and codes. Findings never hold a secret, but their evidence stays out of the log.
        deps.logger?.info('checks.run', { target_id: record.target.id, verdict: record.readiness.verdict, blocking: record.readiness.blocking, findings: findings.map((f) => ({ id: f.id, verdict: f.verdict, code: f.code })) });
        return done;
      }),

    'jira.check': ({ target_id }, { call }) =>
      withKeychain(async () => runStoredJiraCheck(deps.settings, runOf(call), target_id)),

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

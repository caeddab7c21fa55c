import { fail, ok } from '../../../shared/contract/define';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import { isCloud } from '../../../shared/domain/target';
import { portableSample } from '../../services/providers/portable/portable-sample';
import { connectOAuth, scopesOf } from '../../services/providers/oauth/oauth-flow';
import { runTargetJiraCheck } from '../../services/providers/run-jira-check';
import { runTargetChecks } from '../../services/providers/run-target-checks';
import { readConsumer } from '../../services/secrets/credentials';
import { accountFor } from '../../services/secrets/secret-store';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';
import { withKeychain } from './keychain-guard';
import { loadTarget, storeChecks } from './stored-target';

type CheckHandlers = Pick<Handlers, 'checks.run' | 'jira.check' | 'oauth.connect' | 'portable.sample'>;

const notConfigured = () => fail('PROVIDER_UNAVAILABLE', 'Provider checks are not available in this mode of the app.');

export const checkHandlers = (deps: ApiDeps): CheckHandlers => ({
  'checks.run': ({ target_id }) =>
    withKeychain(async () => {
      if (deps.providers === undefined) return notConfigured();
      const found = await loadTarget(deps.settings, target_id);
      if (!found.ok) return found;
      const { target } = found.value;
      const run = await runTargetChecks(target, found.value.checks, { ...deps.providers, secrets: deps.secrets, clock: deps.clock });
      const stored = await storeChecks(deps.settings, target, () => run.checks);
      if (!stored.ok) return stored;
      const readiness = evaluateReadiness(target, run.checks);
      // Facts only: ids, verdicts and codes. Findings never hold a secret, but their evidence stays out of the log.
      deps.logger?.info('checks.run', { target_id: target.id, verdict: readiness.verdict, blocking: readiness.blocking, findings: run.findings.map((f) => ({ id: f.id, verdict: f.verdict, code: f.code })) });
      return ok({ target_id: target.id, checks: run.checks, findings: run.findings, readiness });
    }),

  'jira.check': ({ target_id }) =>
    withKeychain(async () => {
      if (deps.providers === undefined) return notConfigured();
      const found = await loadTarget(deps.settings, target_id);
      if (!found.ok) return found;
      const { target } = found.value;
      const run = await runTargetJiraCheck(target, { ...deps.providers, secrets: deps.secrets, clock: deps.clock });
      if (run === undefined) return fail('JIRA_HANDOFF_UNAVAILABLE', 'This target has no Jira handoff configured yet.');
      const stored = await storeChecks(deps.settings, target, (c) => ({ ...c, jira: run.jira }));
      if (!stored.ok) return stored;
      return ok({ target_id: target.id, jira: run.jira, findings: run.findings });
    }),

  'oauth.connect': ({ target_id }) =>
    withKeychain(async () => {
      const providers = deps.providers;
      if (providers === undefined) return notConfigured();
      const found = await loadTarget(deps.settings, target_id);
      if (!found.ok) return found;
      const { target } = found.value;
      if (!isCloud(target) || target.auth_method !== 'oauth') return fail('REQUEST_INVALID', 'OAuth sign-in applies to Bitbucket Cloud targets whose auth method is oauth.');
      const consumer = await readConsumer(deps.secrets, target.id);
      if (consumer === null) return fail('PROVIDER_AUTH_REQUIRED', 'Store the OAuth consumer key and secret first.');
      const tokens = await connectOAuth({
        consumer,
        http: providers.cloudHttp,
        openExternal: providers.openExternal,
        ...(providers.oauthEndpoints === undefined ? {} : { endpoints: providers.oauthEndpoints }),
        ...(providers.oauthTimeoutMs === undefined ? {} : { timeoutMs: providers.oauthTimeoutMs }),
        ...(providers.oauthPort === undefined ? {} : { port: providers.oauthPort }),
      });
      deps.logger?.info('oauth.connect', { target_id: target.id, outcome: tokens.ok ? 'stored' : tokens.error.code, ...(tokens.ok ? {} : { reason: tokens.error.details?.['reason'] }) });
      if (!tokens.ok) return tokens;
      await deps.secrets.set(accountFor(target.id, 'bitbucket'), tokens.value.access_token);
      if (tokens.value.refresh_token !== undefined) await deps.secrets.set(accountFor(target.id, 'bitbucket_refresh'), tokens.value.refresh_token);
      const stale = ['auth', 'workspace', 'repository', 'issue_tracking', 'scopes'];
      const written = await storeChecks(deps.settings, target, (c) => Object.fromEntries(Object.entries(c).filter(([k]) => !stale.includes(k))));
      if (!written.ok) return written;
      return ok({ target_id: target.id, state: 'stored' as const, scopes: scopesOf(tokens.value) });
    }),

  'portable.sample': async ({ format }) => ok(portableSample(format, deps.clock.now())),
});

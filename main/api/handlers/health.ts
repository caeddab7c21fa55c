import { ok } from '../../../shared/contract/define';
import { healthReport } from '../../services/health/health-report';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

export const healthHandlers = (deps: ApiDeps): Pick<Handlers, 'health.report'> => ({
  'health.report': async () =>
    ok(await healthReport({ appInfo: deps.appInfo, secrets: deps.secrets, env: deps.network.env, keyring: deps.keyring ?? 'os_keychain' })),
});

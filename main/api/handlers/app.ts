import { ok } from '../../../shared/contract/define';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

export const appHandlers = (deps: ApiDeps): Pick<Handlers, 'app.info' | 'readiness.evaluate'> => ({
  'app.info': async () => ok(deps.appInfo),
  'readiness.evaluate': async ({ target, checks }) => ok(evaluateReadiness(target, checks)),
});

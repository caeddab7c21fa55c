import { ok } from '../../../shared/contract/define';
import type { CallRegistry } from '../calls';
import type { Handlers } from '../dispatch';

type CallHandlers = Pick<Handlers, 'calls.cancel'>;

/** `calls.cancel`: only the caller that named a call can stop it (the registry keys calls by owner). */
export const callHandlers = (calls: CallRegistry): CallHandlers => ({
  'calls.cancel': async ({ call_id }, { owner }) => ok({ cancelled: calls.cancel(owner, call_id) }),
});

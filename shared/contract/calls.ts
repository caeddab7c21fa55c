import { z } from 'zod';
import { method } from './define';
import { CallId } from './progress';

// The calls themselves: a long call named with a call_id (CallOptions) can be stopped by its caller.

export const callMethods = {
  'calls.cancel': method(
    z.strictObject({ call_id: CallId }),
    /** `cancelled: false`: no call of this caller by that id is running (it already ended, or never started). */
    z.object({ cancelled: z.boolean() }),
    'Stop a running long call of this caller (its network waits end, its sockets close); the call answers CHECK_CANCELLED and stores nothing.',
  ),
};

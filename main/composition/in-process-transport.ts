import type { Api } from '../api';
import type { Transport } from '../../shared/contract/client';
import type { ProgressEvent } from '../../shared/contract/progress';

/**
 * The transport of a caller in this process (the CLI): the api itself, the caller named `cli`.
 * A call named with a call_id reports its progress to `progress`.
 */
export const inProcessTransport =
  (api: Pick<Api, 'call'>, progress?: (event: ProgressEvent) => void): Transport =>
  (name, input, options) =>
    api.call(name, input, { owner: 'cli', ...(progress === undefined ? {} : { progress }), ...(options?.call_id === undefined ? {} : { call_id: options.call_id }) });

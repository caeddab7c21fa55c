import { fixedClock } from '../../main/services/clock/clock';
import { createFixedOriginHttpClient } from '../../main/services/providers/common/fixed-origin-client';
import { createCloudClient } from '../../main/services/providers/bitbucket-cloud/cloud-client';
import type { CloudCredential } from '../../main/services/providers/bitbucket-cloud/cloud-credential';
import type { HttpClient } from '../../main/services/net/http-client';
import type { RunningSim } from '../simulators/https-sim';

// Clients wired to a simulator: the fixed-origin client bound to the simulator's origin and
// trusting the throw-away CA, a clock held still, and a sleep that records instead of waiting.

export const NOW = '2026-11-29T08:00:00.000Z';

export interface SleepLog {
  readonly waits: number[];
  readonly sleep: (ms: number) => Promise<void>;
}

export const recordingSleep = (): SleepLog => {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
};

export const simHttp = (sim: RunningSim): HttpClient => createFixedOriginHttpClient({ origins: [sim.origin], ca: sim.caCert });

export const cloudClientFor = (sim: RunningSim & { apiRoot: string }, credential: CloudCredential, sleep: SleepLog = recordingSleep()) =>
  createCloudClient({ http: simHttp(sim), credential, clock: fixedClock(NOW), sleep: sleep.sleep, apiRoot: sim.apiRoot, maxRetryWaitMs: 5_000 });

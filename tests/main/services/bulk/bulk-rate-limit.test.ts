import { describe, expect, it } from 'vitest';
import type { BulkDiscovered } from '../../../../shared/contract/bulk';
import { realSleep } from '../../../../main/services/net/retry-after';
import { BULK_DC_TOKEN, startBulkDataCenterSim } from '../../../simulators/data-center-bulk-sim';
import { bulkApi, dataCenterInstance } from './bulk-harness';

// A 429 part-way through, and a token bucket running low: the run slows, waits as asked, and
// completes, and no repository is ever marked as an auth (or any other) failure for a 429.

describe('bulk check against a rate-limiting Data Center', () => {
  it('429 with Retry-After part-way: every worker waits as asked, the run completes, nothing is marked forbidden', async () => {
    const sim = await startBulkDataCenterSim({ burst429: { after: 400, count: 12, retryAfterS: 1 } });
    const waits: number[] = [];
    const h = bulkApi([sim], { sleep: (ms) => (waits.push(ms), realSleep(ms)) });
    try {
      const id = await h.setUp(dataCenterInstance(sim.baseUrl), BULK_DC_TOKEN);
      const found = await h.call<BulkDiscovered>('bulk.discover', { target_id: id });
      const { plan, progress } = await h.check(id, found.plan, { concurrency: 8 });
      expect(progress.state).toBe('done');
      expect(sim.stats.tooMany).toHaveLength(12);
      expect(plan.repositories.map((r) => r.result?.verdict).filter((v) => v !== 'ready')).toEqual([]);
      expect(plan.repositories.some((r) => r.result?.code === 'PROVIDER_AUTH_REQUIRED' || r.result?.code === 'PROVIDER_SCOPE_UNAVAILABLE')).toBe(false);
      expect(waits).toContain(1000);
      // Slowed: after the first 429, no repository answer for the Retry-After (the in-flight ones aside).
      const first = sim.stats.tooMany[0] ?? 0;
      const during = sim.stats.okAt.filter((t) => t > first + 150 && t < first + 900);
      expect(during).toEqual([]);
    } finally {
      h.cleanup();
      await sim.close();
    }
  }, 60_000);

  it('a token bucket running low: requests are spaced at the refill rate before the limit, so not one 429', async () => {
    const sim = await startBulkDataCenterSim({ projects: 2, perProject: 60, bucket: { capacity: 30, fillPerSecond: 80 } });
    const h = bulkApi([sim], { sleep: realSleep });
    try {
      const id = await h.setUp(dataCenterInstance(sim.baseUrl), BULK_DC_TOKEN);
      const found = await h.call<BulkDiscovered>('bulk.discover', { target_id: id });
      await new Promise((r) => setTimeout(r, 500));
      const { plan, progress } = await h.check(id, found.plan, { concurrency: 8 });
      expect(progress.state).toBe('done');
      expect(plan.repositories.every((r) => r.result?.verdict === 'ready')).toBe(true);
      expect(sim.stats.tooMany).toEqual([]);
    } finally {
      h.cleanup();
      await sim.close();
    }
  }, 60_000);
});

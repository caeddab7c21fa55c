import { describe, expect, it } from 'vitest';
import type { BulkDiscovered } from '../../../../shared/contract/bulk';
import { BULK_DC_TOKEN, startBulkDataCenterSim } from '../../../simulators/data-center-bulk-sim';
import { bulkApi, dataCenterInstance } from './bulk-harness';

// Cancel and resume: an interrupted run keeps what it checked, and the next run asks only for the rest.

describe('bulk check, cancelled and resumed', () => {
  it('stops on cancel with its results kept; the re-run checks only the rows not done', async () => {
    const sim = await startBulkDataCenterSim({ projects: 10, perProject: 40 });
    const h = bulkApi([sim]);
    try {
      const id = await h.setUp(dataCenterInstance(sim.baseUrl), BULK_DC_TOKEN);
      const found = await h.call<BulkDiscovered>('bulk.discover', { target_id: id });
      let cancelled = false;
      const first = await h.check(id, found.plan, {
        concurrency: 2,
        onPoll: async (p, jobId) => {
          if (!cancelled && p.checked >= 50) {
            cancelled = true;
            await h.call('bulk.checkCancel', { job_id: jobId });
          }
        },
      });
      expect(first.progress.state).toBe('cancelled');
      const done = first.plan.repositories.filter((r) => r.result !== undefined).length;
      expect(done).toBeGreaterThanOrEqual(50);
      expect(done).toBeLessThan(400);
      // Everything asked was answered and recorded: nothing lost between the last poll and the stop.
      expect(done).toBe(sim.stats.repoCalls);

      const callsBefore = sim.stats.repoCalls;
      const second = await h.check(id, first.plan, { concurrency: 8 });
      expect(second.toCheck).toBe(400 - done);
      expect(sim.stats.repoCalls - callsBefore).toBe(400 - done);
      expect(second.progress.state).toBe('done');
      expect(second.plan.repositories.every((r) => r.result?.verdict === 'ready')).toBe(true);

      // A third run has nothing to do.
      const third = await h.check(id, second.plan);
      expect(third.toCheck).toBe(0);
      expect(sim.stats.repoCalls - callsBefore).toBe(400 - done);
    } finally {
      h.cleanup();
      await sim.close();
    }
  }, 60_000);
});

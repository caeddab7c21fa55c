import { describe, expect, it } from 'vitest';
import { createSerial } from '../../../../main/services/targets/serial';

describe('createSerial', () => {
  it('runs jobs one at a time in call order, and a failure does not stop the next', async () => {
    const serial = createSerial();
    const log: string[] = [];
    const job = (name: string, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setImmediate(r));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([serial(job('a')), serial(job('b', true)), serial(job('c'))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

import pLimit from 'p-limit';
import { DEFAULT_PROBE_CONCURRENCY, probeMany } from '../../main/services/network-check/probe-many';
import { startLoopbackDc } from './loopback-dc';
import { median, ratioRow, sample, timeMs, type BenchOptions, type BenchRow } from './stats';

// 100 Data Center targets on 100 distinct host names, probed with the default concurrency,
// against probing one. On bare loopback a probe is pure CPU and no concurrency can hide it, so the
// network is given a round trip (RTT_MS, applied to DNS and twice to the HTTP answer). Beside it,
// the same shape with bare undici GETs (no checks) shows what the machine itself allows.

const RTT_MS = Number(process.env['BTS_BENCH_RTT'] ?? 50);
const CONCURRENCY = Number(process.env['BTS_BENCH_CONCURRENCY'] ?? DEFAULT_PROBE_CONCURRENCY);
const TARGETS = 100;

export const manyTargetsFigure = async (o: BenchOptions): Promise<BenchRow> => {
  const dc = await startLoopbackDc(RTT_MS);
  try {
    const options = dc.options();
    const count = o.smoke ? 10 : TARGETS;
    const urls = (run: number): string[] => Array.from({ length: count }, (_, i) => dc.baseUrl(`dc-${i}-r${run}.example-corp.com`));
    const check = async (list: readonly string[]): Promise<void> => {
      const results = await probeMany(list, options, CONCURRENCY);
      const bad = results.find((r) => r.verdict !== 'allow');
      if (bad !== undefined) throw new Error(`a probe failed: ${bad.reason ?? ''} ${bad.detail ?? ''}`);
    };
    const bareMany = async (): Promise<void> => {
      const limit = pLimit(CONCURRENCY);
      await Promise.all(Array.from({ length: count }, () => limit(() => dc.bareRequest())));
    };
    await check(urls(-1).slice(0, 4));
    const runs = o.smoke ? 1 : 5;
    const many: number[] = [];
    const one: number[] = [];
    const bare: number[] = [];
    const bareOne: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      one.push(await timeMs(() => check([dc.baseUrl(`single-${i}.example-corp.com`)])));
      many.push(await timeMs(() => check(urls(i))));
      bareOne.push(await timeMs(() => dc.bareRequest()));
      bare.push(await timeMs(bareMany));
    }
    const bareRatio = median(bare) / median(bareOne);
    return ratioRow(
      {
        figure: `${count} targets, default concurrency`,
        unit: 'ms',
        ours: sample(many),
        floor: sample(one),
        goal: 'ratio ≤ 3 (wall)',
        note:
          `concurrency ${CONCURRENCY}; simulated RTT ${RTT_MS} ms (DNS 1 RTT, HTTP answer 2 RTT); ${count} distinct host names, one loopback HTTPS server (worker thread). ` +
          `Machine floor: ${count} bare undici GETs at the same concurrency ${median(bare).toFixed(0)} ms vs one ${median(bareOne).toFixed(0)} ms = ${bareRatio.toFixed(2)}x`,
      },
      3,
      o.smoke,
    );
  } finally {
    await dc.close();
  }
};

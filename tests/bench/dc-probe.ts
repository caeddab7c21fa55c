import { probeDataCenter } from '../../main/services/network-check/probe';
import { startLoopbackDc } from './loopback-dc';
import { paired, ratioRow, type BenchOptions, type BenchRow } from './stats';

// The whole Data Center probe (stages 1–4 with DNS through the loopback resolver, pinned TLS
// connect, GET application-properties, the redirect judgement) against one bare undici GET of
// the same URL on the same server, each on a fresh connection.

export const dcProbeFigure = async (o: BenchOptions): Promise<BenchRow> => {
  const dc = await startLoopbackDc();
  try {
    const base = dc.baseUrl();
    const options = dc.options();
    const probe = async (): Promise<void> => {
      const r = await probeDataCenter(base, options);
      if (r.verdict !== 'allow') throw new Error(`probe did not reach the server: ${r.reason ?? ''} ${r.detail ?? ''}`);
    };
    for (let w = 0; w < 5; w += 1) {
      await probe();
      await dc.bareRequest();
    }
    const runs = o.smoke ? 3 : 41;
    const m = await paired(runs, probe, () => dc.bareRequest());
    return ratioRow(
      { figure: 'Data Center probe', unit: 'ms', ours: m.ours, floor: m.floor, goal: 'ratio ≤ 1.3', note: 'fresh TLS connection per run on both sides; loopback DNS + HTTPS server with a throw-away CA' },
      1.3,
      o.smoke,
    );
  } finally {
    await dc.close();
  }
};

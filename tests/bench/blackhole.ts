import { probeDataCenter } from '../../main/services/network-check/probe';
import { DIRECT } from '../../main/services/net/proxy-env';
import { createNetns, netnsSupport } from '../support/url-safety/netns';
import { notMeasured, ratioRow, sample, timeMs, type BenchOptions, type BenchRow } from './stats';
import { judgeAddress } from '../../main/services/url-safety/policy';

// A Data Center address that never answers: the verdict must come when the configured connect
// timeout ends, not later. The address is inside a network namespace this figure creates, whose
// replies to us are blackholed; nothing is sent anywhere else. Needs root (ip netns).

const CONNECT_MS = 300;
const FIGURE = 'blackholed address verdict';
const GOAL = 'ratio ≤ 1.05';

const noDns = {
  resolve4: async (): Promise<string[]> => Promise.reject(new Error('no DNS in this figure')),
  resolve6: async (): Promise<string[]> => Promise.reject(new Error('no DNS in this figure')),
};

export const blackholeFigure = async (o: BenchOptions): Promise<BenchRow> => {
  const support = netnsSupport();
  if (!support.ok) return notMeasured(FIGURE, 'ms', GOAL, `not measured: network namespaces are not permitted here (${support.reason})`);
  const ns = await createNetns({ blackholeReplies: true });
  try {
    const options = {
      policy: { deployment: 'self-hosted' as const, allowlist_status: 'approved_tunnel' as const, acknowledge_private: false },
      resolver: noDns,
      judge: judgeAddress,
      proxy: DIRECT,
      limits: { connectMs: CONNECT_MS },
    };
    const times: number[] = [];
    const runs = o.smoke ? 1 : 9;
    for (let i = 0; i < runs; i += 1) {
      times.push(
        await timeMs(async () => {
          const r = await probeDataCenter(`https://${ns.nsAddr}:8443`, options);
          if (r.reason !== 'timeout') throw new Error(`expected a timeout verdict, got ${r.verdict} ${r.reason ?? ''}`);
        }),
      );
    }
    const floor = { median: CONNECT_MS, min: CONNECT_MS, max: CONNECT_MS, runs: 1 };
    return ratioRow(
      { figure: FIGURE, unit: 'ms', ours: sample(times), floor, goal: GOAL, note: `connect timeout configured to ${CONNECT_MS} ms; target inside a throw-away netns with replies blackholed` },
      1.05,
      o.smoke,
    );
  } finally {
    ns.close();
  }
};

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { checkUrlOffline } from '../../main/services/url-safety/offline-check';
import { DEFAULT_POLICY, judgeAddress } from '../../main/services/url-safety/policy';
import { paired, ratioRow, type BenchOptions, type BenchRow, type Sample } from './stats';

// Offline verdicts (stages 1–3) over the published corpus, against the least any checker must do
// with the same inputs: the WHATWG parser plus ipaddr.js on the host.

const Cases = z.array(z.object({ input: z.string() }));

const floorOne = (input: string): void => {
  try {
    const host = new URL(input).hostname.replace(/^\[|\]$/gu, '');
    if (ipaddr.isValid(host)) ipaddr.parse(host);
  } catch {
    // not a URL: the floor stops here too
  }
};

const perVerdictUs = (s: Sample, count: number): Sample => ({
  median: (s.median * 1000) / count,
  min: (s.min * 1000) / count,
  max: (s.max * 1000) / count,
  runs: s.runs,
});

export const urlVerdictsFigure = async (o: BenchOptions): Promise<BenchRow> => {
  const inputs = Cases.parse(JSON.parse(readFileSync(join(o.root, 'tests/fixtures/url-safety-cases.json'), 'utf8'))).map((c) => c.input);
  const passes = o.smoke ? 5 : 30;
  const runs = o.smoke ? 3 : 15;
  const ours = (): void => {
    for (let p = 0; p < passes; p += 1) for (const i of inputs) checkUrlOffline(i, DEFAULT_POLICY, judgeAddress);
  };
  const floor = (): void => {
    for (let p = 0; p < passes; p += 1) for (const i of inputs) floorOne(i);
  };
  // Warm both paths up so the JIT has settled before anything is timed.
  for (let w = 0; w < 3; w += 1) {
    ours();
    floor();
  }
  const count = passes * inputs.length;
  const m = await paired(runs, ours, floor);
  const oursUs = perVerdictUs(m.ours, count);
  return ratioRow(
    {
      figure: 'offline URL verdicts',
      unit: 'µs/verdict',
      ours: oursUs,
      floor: perVerdictUs(m.floor, count),
      goal: 'ratio ≤ 2',
      note: `${inputs.length} corpus URLs × ${passes} passes per run; ${Math.round(1e6 / oursUs.median).toLocaleString('en')} verdicts/s`,
    },
    2,
    o.smoke,
  );
};

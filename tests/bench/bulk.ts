import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { Agent, request } from 'undici';
import { z } from 'zod';
import { ok } from '../../shared/contract/define';
import type { BulkDiscovered, BulkProgress } from '../../shared/contract/bulk';
import { confirmed } from '../support/domain-builders';
import { testApi } from '../support/test-api';
import { testNetwork } from '../support/url-safety/test-network';
import { TEST_ADDR, startWorld } from '../support/url-safety/fixture';
import { urlSafetyPki } from '../support/url-safety/pki';
import type { AddressJudge } from '../../main/services/url-safety/policy';
import type { Resolver } from '../../main/services/url-safety/resolver';
import { startBulkServerWorker, type BulkWorkerServer } from './bulk-server-worker';
import { median, ratioRow, sample, timeMs, type BenchOptions, type BenchRow } from './stats';

// The bulk onboarding figures of issue 16:
// - 1,000 repositories on a simulated 50 ms round-trip link: `bulk check` (the real job, through the
//   api: pace, pinned pooled connections, parse, verdicts) against the same number of bare undici GETs
//   at the same concurrency over one keep-alive pool. Both pay one round trip per answer and two
//   more per new connection; ours also resolves the name once (one DNS round trip).
// - Peak RSS of discover + check for 10,000 repositories against 100, each in a fresh process.
// - Discovery of 10,000 reads each listing page once.

const RTT_MS = Number(process.env['BTS_BENCH_RTT'] ?? 50);
const CONCURRENCY = 32;
const TOKEN = 'BBDC-bench-bulk-token-5e4d3c2b1a';
const HOST = 'dc.example-corp.com';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const delayed = (r: Resolver, ms: number): Resolver =>
  ms <= 0 ? r : { resolve4: async (h) => (await sleep(ms), r.resolve4(h)), resolve6: async (h) => (await sleep(ms), r.resolve6(h)) };

/** An api over the real services, its network the loopback world's (the name resolves to 127.0.0.2), trusting the bench CA. */
export const bulkBenchClient = async (port: number, caCert: string, resolver: Resolver, judge: AddressJudge) => {
  const t = testApi({
    network: { ...testNetwork({ resolver, limits: { headersMs: 30_000, bodyIdleMs: 30_000, overallMs: 60_000, maxBytes: 4 * 1024 * 1024 } }), judge, caOf: async () => ok(caCert) },
  });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await t.api.call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  const saved = await call<{ target: { id: string } }>('targets.save', {
    target: {
      provider_key: 'bitbucket_data_center_issues',
      deployment_mode: 'self-hosted',
      confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
      base_url: `https://${HOST}:${port}/bitbucket`,
      allowlist_status: 'approved_tunnel',
      auth_method: 'http_access_token',
    },
  });
  const id = saved.target.id;
  await call('credentials.store', { target_id: id, kind: 'bitbucket', secret: TOKEN });
  return {
    discover: () => call<BulkDiscovered>('bulk.discover', { target_id: id }),
    check: async (plan: BulkDiscovered['plan']): Promise<BulkProgress> => {
      const { job_id } = await call<{ job_id: string }>('bulk.checkStart', { target_id: id, plan, concurrency: CONCURRENCY });
      for (;;) {
        const p = await call<BulkProgress>('bulk.checkProgress', { job_id, cursor: Number.MAX_SAFE_INTEGER });
        if (p.state !== 'running') {
          if (p.state !== 'done' || p.checked !== plan.repositories.length) throw new Error(`bulk check ended ${p.state} after ${p.checked}`);
          return p;
        }
        await sleep(5);
      }
    },
    cleanup: t.cleanup,
  };
};

const bare = async (port: number, caCert: string, count: number): Promise<void> => {
  const dispatcher = new Agent({ connect: { ca: caCert, servername: HOST }, connections: CONCURRENCY });
  const limit = pLimit(CONCURRENCY);
  try {
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        limit(async () => {
          const res = await request(`https://${TEST_ADDR}:${port}/bitbucket/rest/api/1.0/projects/P001/repos/repo-${String(i + 1).padStart(5, '0')}`, { dispatcher, headers: { authorization: `Bearer ${TOKEN}` } });
          JSON.parse(await res.body.text());
        }),
      ),
    );
  } finally {
    await dispatcher.destroy();
  }
};

const ChildAnswer = z.object({ max_rss_kb: z.number(), repositories: z.number() });

/** `node build/bench.mjs --bulk-rss-child N PORT`: discover and check N in this fresh process, print its peak RSS. */
export const bulkRssChild = async (argv: readonly string[]): Promise<number> => {
  const at = argv.indexOf('--bulk-rss-child');
  const port = Number(argv[at + 2]);
  const ca = process.env['BTS_BENCH_CA'] ?? '';
  const world = await startWorld();
  try {
    const c = await bulkBenchClient(port, ca, world.resolver, world.network.judge);
    const found = await c.discover();
    await c.check(found.plan);
    c.cleanup();
    process.stdout.write(`${JSON.stringify({ max_rss_kb: process.resourceUsage().maxRSS, repositories: found.plan.repositories.length })}\n`);
    return 0;
  } finally {
    await world.close();
  }
};

const childRss = (root: string, port: number, ca: string, count: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'build/bench.mjs'), '--bulk-rss-child', String(count), String(port)], { env: { ...process.env, BTS_BENCH_CA: ca }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        const a = ChildAnswer.parse(JSON.parse(line));
        if (a.repositories !== count) throw new Error(`the child saw ${a.repositories} repositories, not ${count}`);
        resolve(a.max_rss_kb);
      } catch (e) {
        reject(new Error(`the RSS child exited ${String(code)}: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
  });

export const bulkFigures = async (o: BenchOptions): Promise<BenchRow[]> => {
  const world = await startWorld();
  const pki = await urlSafetyPki();
  const leaf = await pki.leaf([HOST, '*.example-corp.com'], []);
  const slow: BulkWorkerServer = await startBulkServerWorker({ key: leaf.key, cert: leaf.cert, host: TEST_ADDR, rttMs: RTT_MS });
  const fast: BulkWorkerServer = await startBulkServerWorker({ key: leaf.key, cert: leaf.cert, host: TEST_ADDR, rttMs: 0 });
  const rows: BenchRow[] = [];
  try {
    // 1. bulk check vs bare undici, same link, same concurrency.
    const count = o.smoke ? 40 : 1000;
    await slow.setCount(count);
    const c = await bulkBenchClient(slow.port, pki.caCert, delayed(world.resolver, RTT_MS), world.network.judge);
    const { plan } = await c.discover();
    const runs = o.smoke ? 1 : 3;
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      ours.push(await timeMs(() => c.check(plan)));
      floor.push(await timeMs(() => bare(slow.port, pki.caCert, count)));
    }
    c.cleanup();
    rows.push(
      ratioRow(
        {
          figure: `bulk check, ${count} repositories`,
          unit: 'ms',
          ours: sample(ours),
          floor: sample(floor),
          goal: 'ratio ≤ 1.3',
          note: `concurrency ${CONCURRENCY}; simulated RTT ${RTT_MS} ms (each answer 1 RTT, a new connection 2 more, ours one DNS RTT); floor: ${count} bare undici GETs over one keep-alive pool of ${CONCURRENCY}; ${(count / (median(ours) / 1000)).toFixed(0)} repositories/s`,
        },
        1.3,
        o.smoke,
      ),
    );

    // 2. Discovery of 10,000 reads each page once.
    const many = o.smoke ? 300 : 10_000;
    await fast.setCount(many);
    const d = await bulkBenchClient(fast.port, pki.caCert, world.resolver, world.network.judge);
    const discoverMs = await timeMs(async () => {
      const found = await d.discover();
      if (found.plan.repositories.length !== many) throw new Error(`discovered ${found.plan.repositories.length} of ${many}`);
    });
    d.cleanup();
    const reads = await fast.pageReads();
    const pages = Math.ceil(many / 100);
    const total = [...reads.values()].reduce((a, b) => a + b, 0);
    rows.push(
      ratioRow(
        {
          figure: `discovery of ${many} repositories: page reads`,
          unit: 'pages',
          ours: sample([total]),
          floor: sample([pages]),
          goal: 'ratio = 1 (each page once)',
          note: `${reads.size} distinct pages of at most 100, ${total} reads, ${discoverMs.toFixed(0)} ms on bare loopback`,
        },
        1,
        o.smoke,
      ),
    );

    // 3. Peak RSS, 10,000 against 100, each discovered and checked in a fresh process.
    if (o.smoke) {
      rows.push({ figure: 'bulk peak RSS, 10,000 vs 100 repositories', unit: 'MB', ours: null, floor: null, ratio: null, goal: 'ratio ≤ 2', met: null, note: 'not run in smoke mode (two fresh processes)' });
    } else {
      await fast.setCount(100);
      const small = await childRss(o.root, fast.port, pki.caCert, 100);
      await fast.setCount(10_000);
      const big = await childRss(o.root, fast.port, pki.caCert, 10_000);
      rows.push(
        ratioRow(
          { figure: 'bulk peak RSS, 10,000 vs 100 repositories', unit: 'MB', ours: sample([big / 1024]), floor: sample([small / 1024]), goal: 'ratio ≤ 2', note: 'process.resourceUsage().maxRSS of a fresh process that discovers and checks N (concurrency 32, bare loopback)' },
          2,
          false,
        ),
      );
    }
  } finally {
    await Promise.all([slow.close(), fast.close()]);
    await world.close();
  }
  return rows;
};

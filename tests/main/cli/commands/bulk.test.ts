import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckSessionClient } from '../../../../main/composition/check-session';
import { fixedClock } from '../../../../main/services/clock/clock';
import { BulkPlan } from '../../../../shared/domain/bulk-plan';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { BULK_DC_TOKEN, startBulkDataCenterSim, type BulkDcSim } from '../../../simulators/data-center-bulk-sim';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { fakeIO } from '../fake-io';

// `bulk discover | check | export` end to end through the runner, as an admin types them, against
// the Data Center of 1,200 repositories; then `bundle verify --fingerprint` on what export wrote.
// The token comes from the environment only; the last test scans every output and file for it.

let dc: BulkDcSim;
let cloud: CloudSim;
let dir: string;
const outputs: string[] = [];

beforeAll(async () => {
  [dc, cloud] = await Promise.all([startBulkDataCenterSim(), startCloudSim()]);
  dir = mkdtempSync(join(tmpdir(), 'bts-bulk-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all([dc.close(), cloud.close()]);
});

/** One CLI over a persistent test api (export, verify) and sessions wired to the simulators (discover, check). */
const cli = (env: Record<string, string> = { BTS_BITBUCKET_SECRET: BULK_DC_TOKEN }, onNote?: (line: string, abort: () => void) => void) => {
  const f = fakeIO({
    stdin: Readable.from(['']),
    env,
    sessionClient: () => createCheckSessionClient({ appInfo: f.deps.appInfo, clock: fixedClock('2026-11-29T08:00:00.000Z'), providers: simProviders(cloud, [dc]), network: simNetwork(dc.caCert) }),
    ...(onNote === undefined ? {} : { note: (line: string) => (f.stderr.push(line), onNote(line, f.abort)) }),
  });
  const run = async (args: string[]) => {
    const r = await f.run(args);
    outputs.push(...r.out, ...r.err);
    return { code: r.code, out: r.out.join('\n'), err: r.err.join('\n') };
  };
  return { run, cleanup: f.cleanup };
};

const planFile = join(tmpdir(), 'unused');
const path = (name: string): string => join(dir, name);
const DISCOVER = (out: string) => ['bulk', 'discover', '--base-url', dc.baseUrl, '--confirmed-by', 'Dana Admin', '--allowlist-status', 'approved_tunnel', '--out', out];

describe('bitbucket-target bulk', () => {
  it('discover → check → export → bundle verify --fingerprint: 1,200 repositories, exit 0 at each step, progress on stderr', async () => {
    const c = cli();
    try {
      const d = await c.run(DISCOVER(path('plan.json')));
      expect(d.code).toBe(0);
      expect(d.out).toContain('found:        1200 of 1200 repositories (12 pages read)');
      const plan = BulkPlan.parse(JSON.parse(readFileSync(path('plan.json'), 'utf8')));
      expect(plan.repositories).toHaveLength(1200);
      expect(plan.instance.provider_key).toBe('bitbucket_data_center_issues');

      const k = await c.run(['bulk', 'check', path('plan.json'), '--concurrency', '16']);
      expect(k.code).toBe(0);
      expect(k.err).toMatch(/bulk check: 1200\/1200 checked, [\d.]+\/s, ETA/);
      expect(k.out).toContain('repositories: 1200 repositories: ready 1200');
      const checked = BulkPlan.parse(JSON.parse(readFileSync(path('plan.json'), 'utf8')));
      expect(checked.repositories.every((r) => r.result?.verdict === 'ready')).toBe(true);

      const e = await c.run(['bulk', 'export', path('plan.json'), '--out', path('bundle.json'), '--expires-in', '7']);
      expect(e.code).toBe(0);
      const fingerprint = /fingerprint: +(sha256:[0-9a-f]{64})/.exec(e.out)?.[1] ?? '';
      const v = await c.run(['bundle', 'verify', path('bundle.json'), '--fingerprint', fingerprint]);
      expect(v.code).toBe(0);
      expect(v.out).toContain('verdict:      valid');
      expect(v.out).toContain('repositories: 1200 (ready 1200)');
      expect(v.out).toMatch(/ready +P040\/repo-030/);

      // One entry changed in the file: refused, exit 5.
      const env = JSON.parse(readFileSync(path('bundle.json'), 'utf8')) as { payload: string };
      const payload = Buffer.from(env.payload, 'base64').toString('utf8').replace('"slug":"repo-017"', '"slug":"repo-917"');
      writeFileSync(path('tampered.json'), JSON.stringify({ ...env, payload: Buffer.from(payload).toString('base64') }));
      const t = await c.run(['bundle', 'verify', path('tampered.json'), '--fingerprint', fingerprint]);
      expect(t.code).toBe(5);
      expect(t.out).toContain('BUNDLE_SIGNATURE_INVALID');
    } finally {
      c.cleanup();
    }
  }, 120_000);

  it('Ctrl-C during check saves what was checked (exit 3); the re-run checks only the rest (exit 0)', async () => {
    // Ctrl-C once the simulator has answered a few repository calls (not after a fixed delay: at a
    // high load the instance checks alone outlast any short delay): some are checked, not all 1,200.
    const c = cli({ BTS_BITBUCKET_SECRET: BULK_DC_TOKEN }, (line, abort) => {
      if (!/^bulk check: \d+ of 1200 repositories to check/.test(line)) return;
      const from = dc.stats.repoCalls;
      const poll = setInterval(() => {
        if (dc.stats.repoCalls - from < 5) return;
        clearInterval(poll);
        abort();
      }, 5);
    });
    try {
      expect((await c.run(DISCOVER(path('resume.json')))).code).toBe(0);
      const first = await c.run(['bulk', 'check', path('resume.json'), '--concurrency', '1']);
      expect(first.code).toBe(3);
      expect(first.out).toContain('interrupted:  re-run bulk check');
      const partial = BulkPlan.parse(JSON.parse(readFileSync(path('resume.json'), 'utf8')));
      const done = partial.repositories.filter((r) => r.result !== undefined).length;
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(1200);
    } finally {
      c.cleanup();
    }
    const again = cli();
    try {
      const second = await again.run(['bulk', 'check', path('resume.json'), '--concurrency', '16']);
      expect(second.code).toBe(0);
      expect(second.err).toMatch(/bulk check: (\d+) of 1200 repositories to check \((\d+) already done\)/);
      const [, todo, already] = /(\d+) of 1200 repositories to check \((\d+) already done\)/.exec(second.err) ?? [];
      expect(Number(todo) + Number(already)).toBe(1200);
      expect(Number(already)).toBeGreaterThan(0);
    } finally {
      again.cleanup();
    }
  }, 120_000);

  it('exit 3 when some repositories are not ready; the plan names each verdict', async () => {
    const c = cli();
    try {
      expect((await c.run([...DISCOVER(path('some.json')), '--project', 'P003'])).code).toBe(0);
      const plan = BulkPlan.parse(JSON.parse(readFileSync(path('some.json'), 'utf8')));
      // The admin adds a repository that does not exist and excludes one.
      const edited = { ...plan, repositories: [...plan.repositories.map((r, i) => (i === 0 ? { ...r, excluded: true } : r)), { project: 'P003', slug: 'gone', excluded: false }] };
      writeFileSync(path('some.json'), JSON.stringify(edited));
      const k = await c.run(['bulk', 'check', path('some.json')]);
      expect(k.code).toBe(3);
      expect(k.out).toContain('30 repositories (+1 excluded): ready 29, not_found 1');
    } finally {
      c.cleanup();
    }
  }, 60_000);

  it.each([
    [['bulk'], /expected 'discover', 'check' or 'export'/],
    [['bulk', 'discover', '--base-url', 'https://x.example'], /needs --out PLAN.json/],
    [['bulk', 'discover', '--out', 'p.json'], /exactly one of --base-url URL/],
    [['bulk', 'discover', '--base-url', 'https://x.example', '--out', 'p.json'], /--confirmed-by NAME/],
    [['bulk', 'discover', '--base-url', 'https://x.example', '--token', 'secret-on-argv', '--out', 'p.json'], /Unknown option '--token'/],
    [['bulk', 'check'], /exactly one PLAN.json/],
    [['bulk', 'check', '/nonexistent/plan.json'], /cannot read/],
    [['bulk', 'check', planFile, '--concurrency', '0'], /--concurrency must be a whole number from 1 to 64/],
    [['bulk', 'export', 'plan.json'], /needs --out BUNDLE.json/],
  ])('usage error %j: exit 2 with the reason', async (args, reason) => {
    const c = cli();
    try {
      const r = await c.run(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(reason);
    } finally {
      c.cleanup();
    }
  });

  it('a plan that is not a plan: exit 2 naming the field paths, never their values', async () => {
    writeFileSync(path('bad.json'), JSON.stringify({ plan_version: 1, instance: { provider_key: 'bitbucket_data_center_issues', token: 'leaked-value-123' }, routes: {}, repositories: [] }));
    const c = cli();
    try {
      const r = await c.run(['bulk', 'check', path('bad.json')]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('is not a valid plan');
      expect(r.err).not.toContain('leaked-value-123');
    } finally {
      c.cleanup();
    }
  });

  it('no output and no file written holds the token', () => {
    const files = ['plan.json', 'bundle.json', 'resume.json', 'some.json'].map((f) => readFileSync(path(f), 'utf8'));
    for (const text of [...outputs, ...files]) {
      expect(text).not.toContain(BULK_DC_TOKEN);
      expect(text).not.toContain(Buffer.from(BULK_DC_TOKEN).toString('base64'));
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckSessionClient } from '../../../../main/composition/check-session';
import { fixedClock } from '../../../../main/services/clock/clock';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { SECRETS } from '../../../simulators/cloud-sim-state';
import { DC_SECRETS, startDataCenterSim, type DataCenterSim } from '../../../simulators/data-center-sim';
import { JIRA_SECRETS, startJiraSim, type JiraSim } from '../../../simulators/jira-sim';
import type { Network } from '../../../../main/services/net/network';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { LOOPBACK, testNetwork } from '../../../support/url-safety/test-network';
import { startSilentServer } from '../../../support/url-safety/servers';
import { dataCenterTargetFile } from '../cli-expect';
import { fakeIO } from '../fake-io';

let cloud: CloudSim;
let dc: DataCenterSim;
let jira: JiraSim;
let dir: string;
/** Every line the command wrote; the last test scans them all for every secret. */
const cliOutputs: string[] = [];

beforeAll(async () => {
  [cloud, dc, jira] = await Promise.all([startCloudSim(), startDataCenterSim(), startJiraSim()]);
  dir = mkdtempSync(join(tmpdir(), 'bts-check-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all([cloud.close(), dc.close(), jira.close()]);
});

const file = (name: string, body: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

/** The CLI runner over a check session wired to the simulators (the test's composition root). */
const run = async (args: string[], env: Record<string, string> = {}, stdin = '', network: Network = simNetwork(cloud.caCert)) => {
  const f = fakeIO({
    stdin: Readable.from([stdin]),
    env,
    sessionClient: () => createCheckSessionClient({ appInfo: f.deps.appInfo, clock: fixedClock('2026-11-29T08:00:00.000Z'), providers: simProviders(cloud, [dc, jira]), network }),
  });
  try {
    const { code, out, err } = await f.run(['check', ...args]);
    cliOutputs.push(...out, ...err);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    f.cleanup();
  }
};

const CLOUD = { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0', workspace: 'acme', repository_slug: 'payments', auth_method: 'api_token', account_email: 'dana@acme.example' };

describe('check --target FILE', () => {
  it('Cloud repository with retired issues routed to Jira: ready, exit 0, secrets from env never printed', async () => {
    const target = file('cloud-jira.json', {
      ...CLOUD,
      issue_workflow: 'jira',
      jira: { flavor: 'cloud', base_url: jira.siteUrl, auth_method: 'api_token', account_email: 'dana@acme.example', project_key: 'SEC', issue_type: 'Bug' },
    });
    const r = await run(['--target', target], { BTS_BITBUCKET_SECRET: SECRETS.apiToken, BTS_JIRA_SECRET: JIRA_SECRETS.cloudToken });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/FAIL\s+Issue availability\s+ISSUE_TRACKING_DISABLED/);
    expect(r.out).toContain('verdict: ready');
    expect(r.out + r.err).not.toContain(SECRETS.apiToken);
  });

  it('native chosen on a retired repository: blocked, exit 3, JSON lists each check with verdict, code, evidence', async () => {
    const target = file('cloud-native.json', { ...CLOUD, issue_workflow: 'native' });
    const r = await run(['--target', target, '--json'], { BTS_BITBUCKET_SECRET: SECRETS.apiToken });
    expect(r.code).toBe(3);
    const json = JSON.parse(r.out) as { verdict: string; blocking: string[]; findings: Array<{ id: string; verdict: string; code?: string; evidence: unknown }> };
    expect(json.verdict).toBe('blocked');
    expect(json.blocking).toContain('ISSUE_TRACKING_DISABLED');
    expect(json.findings.find((f) => f.id === 'issue_tracking')).toMatchObject({ verdict: 'fail', code: 'ISSUE_TRACKING_DISABLED', evidence: { http_status: 410 } });
  });

  it('Data Center to portable export with the token on stdin: ready, exit 0', async () => {
    const target = file('dc.json', dataCenterTargetFile(dc.baseUrl));
    const r = await run(['--target', target, '--stdin'], {}, JSON.stringify({ bitbucket: DC_SECRETS.token }));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PASS\s+Credential/);
    expect(r.out).not.toContain(DC_SECRETS.token);
  });

  it("a target file's ca_file path still works: the CLI reads the file and the checks trust that CA (no other CA is trusted)", async () => {
    const caFile = file('corp-ca.pem', dc.caCert);
    const target = file('dc-ca.json', { ...dataCenterTargetFile(dc.baseUrl), ca_file: caFile });
    const r = await run(['--target', target, '--stdin'], {}, JSON.stringify({ bitbucket: DC_SECRETS.token }), testNetwork({ permit: LOOPBACK }));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PASS\s+Credential/);
    const without = await run(['--target', file('dc-noca.json', dataCenterTargetFile(dc.baseUrl)), '--stdin'], {}, JSON.stringify({ bitbucket: DC_SECRETS.token }), testNetwork({ permit: LOOPBACK }));
    expect(without.code).toBe(3);
  });

  it.each([
    ['a file that is gone', () => join(dir, 'gone.pem'), /ca_file: CA_FILE_INVALID: .*gone\.pem could not be read \(ENOENT\)/],
    ['a garbage PEM block', () => file('garbage.pem', '-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n'), /ca_file: CA_FILE_INVALID: .*no PEM certificate/],
  ])("a target file's ca_file naming %s is a usage error with CA_FILE_INVALID (exit 2)", async (_label, path, message) => {
    const r = await run(['--target', file('dc-bad-ca.json', { ...dataCenterTargetFile(dc.baseUrl), ca_file: path() })]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('no credential: blocked by PROVIDER_AUTH_REQUIRED, exit 3', async () => {
    const r = await run(['--target', file('nocred.json', { ...CLOUD, issue_workflow: 'portable', portable: { format: 'json' } })]);
    expect(r.code).toBe(3);
    expect(r.out).toContain('PROVIDER_AUTH_REQUIRED');
  });

  it.each([
    ['no --target', [] as string[], '', /--target FILE is required/],
    ['a missing file', ['--target', '/nonexistent/target.json'], '', /cannot read \/nonexistent\/target.json/],
    ['a file that is not JSON', ['--target', 'NOTJSON'], '', /is not JSON/],
    ['a target holding a token field (strict schema)', ['--target', 'TOKENFIELD'], '', /is not a valid target: .*token/],
    ['--stdin with a non-object', ['--target', 'CLOUD', '--stdin'], '"just a string"', /stdin must be a JSON object/],
    ['--stdin that is not JSON', ['--target', 'CLOUD', '--stdin'], '{nope', /stdin is not JSON/],
  ])('usage error (exit 2): %s', async (_n, args, stdin, message) => {
    const real = args.map((a) =>
      a === 'NOTJSON' ? file('bad.json', '{nope') : a === 'TOKENFIELD' ? file('token.json', { ...CLOUD, token: SECRETS.apiToken }) : a === 'CLOUD' ? file('c.json', CLOUD) : a,
    );
    const r = await run(real, {}, stdin);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Try 'bitbucket-target check --help'");
    expect(r.err).not.toContain(SECRETS.apiToken);
  });

  it('Ctrl-C while the TLS handshake hangs cancels the check: exit 1 (an error answer, as probe and url-check), CHECK_CANCELLED, the socket closed', async () => {
    const silent = await startSilentServer();
    // fakeIO's own session client: it carries the progress events, and so the progress line and Ctrl-C.
    const f = fakeIO({ env: { BTS_BITBUCKET_SECRET: DC_SECRETS.token } }, { clock: fixedClock('2026-11-29T08:00:00.000Z'), providers: simProviders(cloud, [dc, jira]), network: simNetwork(cloud.caCert) });
    try {
      const target = file('dc-silent.json', dataCenterTargetFile(`https://127.0.0.1:${silent.port}/bitbucket`));
      const running = f.run(['check', '--target', target]);
      const until = Date.now() + 10_000;
      while (!f.stderr.some((l) => l.includes('TLS handshake: running')) && Date.now() < until) await new Promise((res) => setTimeout(res, 10));
      const endedBefore = silent.ended;
      f.abort();
      const r = await running;
      cliOutputs.push(...r.out, ...r.err);
      await silent.endedAt(endedBefore + 1);
      // Not 3 ("blocked or not ready"): the run did not finish, so nothing was judged.
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err.at(-1)).toMatch(/^check: CHECK_CANCELLED: /u);
    } finally {
      f.cleanup();
      await silent.close();
    }
  });

  it('a secret can never be passed as a flag', async () => {
    const r = await run(['--target', file('x.json', CLOUD), '--token', SECRETS.apiToken]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option '--token'/);
  });
});

describe('secret scan of every CLI output above', () => {
  it('holds none of the secrets used', () => {
    expect(cliOutputs.length).toBeGreaterThan(10);
    const all = cliOutputs.join('\n');
    for (const s of [...Object.values(SECRETS), ...Object.values(DC_SECRETS), ...Object.values(JIRA_SECRETS)]) expect(all).not.toContain(s);
  });
});

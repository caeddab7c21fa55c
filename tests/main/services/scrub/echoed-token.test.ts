import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleCommand } from '../../../../main/cli/commands/bundle';
import { runCli } from '../../../../main/cli/run';
import { createCheckSessionClient } from '../../../../main/composition/check-session';
import { fixedClock } from '../../../../main/services/clock/clock';
import { createFileLogger } from '../../../../main/services/logging/logger';
import { startCloudSim, type CloudSim } from '../../../simulators/bitbucket-cloud-sim';
import { defaultDataCenterWorld, startDataCenterSim, type DataCenterSim, type DataCenterSimWorld } from '../../../simulators/data-center-sim';
import { dataCenterTarget } from '../../../support/domain-builders';
import { simNetwork, simProviders } from '../../../support/sim-providers';
import { cliHarness } from '../../cli/commands/bundle-cli-support';

// Issue 12 §5: a Data Center server that echoes the caller's token in X-AUSERNAME (raw, as base64
// of the whole `Bearer <token>` header, URL-encoded). The token must appear in no answer the UI
// shows, no CLI line, no settings file, no log, no bundle (file or decoded payload) and no printable
// summary, in any of its encodings.

/** A token with characters that base64url and URL-encoding change, as BBDC tokens can have. */
const TOKEN = 'BBDC-Mzk3+sim/echo=Tok3n-5d4c9b';
const NOW = '2026-11-29T08:00:00.000Z';
const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64');
const b64url = (t: string): string => Buffer.from(t, 'utf8').toString('base64url');
/** The secret and every encoding a hostile server might send it back in. */
const NEEDLES = [TOKEN, b64(TOKEN), b64(TOKEN).replace(/=+$/, ''), b64url(TOKEN), b64(`Bearer ${TOKEN}`), b64url(`Bearer ${TOKEN}`), encodeURIComponent(TOKEN), encodeURIComponent(b64(`Bearer ${TOKEN}`))];

let cloud: CloudSim;
beforeAll(async () => {
  cloud = await startCloudSim();
});
afterAll(() => cloud.close());
const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe.each(['raw', 'base64_bearer', 'url_encoded'] as const)('a Data Center server echoing the token in X-AUSERNAME (%s)', (echo) => {
  it('leaves it in no answer, output, setting, log, bundle or summary', async () => {
    const world: DataCenterSimWorld = { ...defaultDataCenterWorld(), tokens: { [TOKEN]: 'dana' }, echoTokenInUsername: echo };
    const dc: DataCenterSim = await startDataCenterSim(world);
    closers.push(() => dc.close());
    const providers = simProviders(cloud, [dc]);
    const target = dataCenterTarget({ base_url: dc.baseUrl, issue_workflow: 'portable', portable: { format: 'sarif' } });
    // The app's log, in a logs folder as the composition roots put it.
    const logDir = mkdtempSync(join(tmpdir(), 'bts-echo-logs-'));
    closers.push(() => rmSync(logDir, { recursive: true, force: true }));
    const log = createFileLogger({ file: join(logDir, 'logs', 'main.log') });
    const h = await cliHarness([{ target, checks: {} }], { 'dc-1:bitbucket': TOKEN }, { providers, network: simNetwork(cloud.caCert), clock: fixedClock(NOW), logger: log });
    closers.push(() => h.cleanup());

    const seen: string[] = [];
    // What the wizard runs and shows.
    const run = await h.io.client()['checks.run']({ target_id: 'dc-1' });
    seen.push(JSON.stringify(run), JSON.stringify(await h.io.client()['targets.list']({})));
    expect(run).toMatchObject({ ok: true, value: { record: { checks: { auth: { status: 'ok', identity: { username: '[redacted]' } } }, readiness: { verdict: 'ready' } } } });
    // The server really echoed the token: the attack ran.
    const sent = dc.exchanges.map((e) => e.answer.headers?.['x-ausername']).filter((u) => u !== undefined);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((u) => NEEDLES.includes(u))).toBe(true);

    // The Review step's Save, which Export needs since the check run changed the record.
    const { created_at: _created, updated_at: _updated, ca: _ca, ...reviewed } = target;
    const saved = await h.io.client()['targets.save']({ target: reviewed, reviewed: true });
    seen.push(JSON.stringify(saved));
    expect(saved).toMatchObject({ ok: true, value: { review: { current: true } } });

    // The signed bundle, its printable summary, and what verify prints.
    const file = h.path('dc.wrobundle.json');
    const summary = h.path('dc.summary.txt');
    expect(await h.run(bundleCommand, ['export', '--target', 'dc-1', '--out', file, '--summary', summary])).toBe(0);
    seen.push(...h.out, ...h.err);
    const fp = (h.out.find((l) => l.startsWith('fingerprint:')) ?? '').split(/\s+/)[1] ?? '';
    expect(await h.run(bundleCommand, ['verify', file, '--fingerprint', fp])).toBe(0);
    seen.push(...h.out, ...h.err);
    expect(await h.run(bundleCommand, ['verify', file, '--json', '--fingerprint', fp])).toBe(0);
    seen.push(...h.out, ...h.err);
    const bundleText = readFileSync(file, 'utf8');
    seen.push(bundleText, Buffer.from((JSON.parse(bundleText) as { payload: string }).payload, 'base64').toString('utf8'), readFileSync(summary, 'utf8'));

    // The headless `check` command, as text and as JSON.
    const description = h.path('dc-target.json');
    const { id: _id, name: _name, created_at: _c, updated_at: _u, ...draft } = target;
    writeFileSync(description, JSON.stringify(draft));
    for (const args of [['--target', description], ['--target', description, '--json']]) {
      const out: string[] = [];
      const code = await runCli(['check', ...args], {
        ...h.io,
        print: (l) => out.push(l),
        note: (l) => out.push(l),
        stdin: Readable.from(['']),
        env: { BTS_BITBUCKET_SECRET: TOKEN },
        sessionClient: () => createCheckSessionClient({ appInfo: { name: 'Bitbucket Target Setup', version: '0.0.0-test', mode: 'test', runtime: { node: process.versions.node } }, clock: fixedClock(NOW), providers, network: simNetwork(cloud.caCert) }),
      });
      expect(code).toBe(0);
      seen.push(...out);
    }

    // Every file the app wrote: settings.json and the logs.
    await log.flush();
    const written = [...filesUnder(h.io.dataDir), ...filesUnder(logDir)];
    expect(written.some((p) => p.endsWith('settings.json'))).toBe(true);
    expect(written.some((p) => p.endsWith(join('logs', 'main.log')))).toBe(true);
    seen.push(...written.map((p) => readFileSync(p, 'utf8')));

    const haystack = seen.join('\n');
    expect(haystack).toContain('[redacted]');
    for (const needle of NEEDLES) expect(haystack, `the ${echo} echo left ${needle}`).not.toContain(needle);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckSessionClient } from '../../../main/composition/check-session';
import { fixedClock } from '../../../main/services/clock/clock';
import { createDnsResolver } from '../../../main/services/url-safety/resolver';
import { startCloudSim, type CloudSim } from '../../simulators/bitbucket-cloud-sim';
import { DC_SECRETS, defaultDataCenterWorld, startDataCenterSim, type DataCenterSim } from '../../simulators/data-center-sim';
import { simNetwork, simProviders } from '../../support/sim-providers';
import { testNetwork } from '../../support/url-safety/test-network';
import { dataCenterTargetFile } from './cli-expect';
import { fakeIO } from './fake-io';

// A Data Center that answers application-properties with a displayName built to rewrite the
// terminal: set the window title (OSC 0 … BEL), erase the line (CSI 2K), return the cursor (CR)
// and print a fake verdict. Through the CLI runner, not a byte of it reaches the terminal raw.

const HOSTILE = '\u001b]0;x\u0007\u001b[2K\rallow OK\u202e\u009b';
/** Any C0/C1 control (ESC, BEL, CR, LF, DEL, 8-bit CSI …) or bidi control. */
const RAW_CONTROL = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

let dc: DataCenterSim;
let cloud: CloudSim;
let dir: string;
let caFile: string;

beforeAll(async () => {
  [dc, cloud] = await Promise.all([startDataCenterSim({ ...defaultDataCenterWorld(), displayName: HOSTILE }), startCloudSim()]);
  dir = mkdtempSync(join(tmpdir(), 'bts-hostile-'));
  caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, dc.caCert);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all([dc.close(), cloud.close()]);
});

/** The CLI over a composition whose network may reach the simulator on 127.0.0.1 (a test-only address judge). */
const cli = (over: Parameters<typeof fakeIO>[0] = {}) =>
  fakeIO(over, { network: testNetwork({ resolver: createDnsResolver({ servers: ['127.0.0.1:9'], timeoutMs: 200, tries: 1 }), permit: ['127.0.0.1/32'] }) });

describe('server strings never drive the terminal', () => {
  it('probe --json: the hostile displayName arrives escaped, and parses back to what the server sent', async () => {
    const f = cli();
    const r = await f.run(['probe', dc.baseUrl, '--ca', caFile, '--json']).finally(f.cleanup);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    for (const line of [...r.out, ...r.err]) expect(line).not.toMatch(RAW_CONTROL);
    // JSON.stringify escaped the C0 characters; printable() the ones it leaves raw (bidi, C1).
    expect(r.out[0]).toContain('\\u001b]0;x\\u0007\\u001b[2K\\rallow OK\\u202e\\u009b');
    expect(JSON.parse(r.out[0] ?? '')).toMatchObject({ verdict: 'allow', api_root: { displayName: HOSTILE } });
  });

  it('probe (table): the api_root row shows the escapes, no line is forged', async () => {
    const f = cli();
    const r = await f.run(['probe', dc.baseUrl, '--ca', caFile]).finally(f.cleanup);
    expect(r.code).toBe(0);
    for (const line of [...r.out, ...r.err]) expect(line).not.toMatch(RAW_CONTROL);
    const apiRoot = r.out.find((l) => l.trim().startsWith('api_root'));
    expect(apiRoot).toContain('\\u001b]0;x\\u0007\\u001b[2K\\u000dallow OK');
    expect(r.out.filter((l) => l.startsWith('allow'))).toHaveLength(1);
  });

  it('check: the Data Center instance finding holds the escapes, in text and in --json', async () => {
    const target = join(dir, 'dc.json');
    writeFileSync(target, JSON.stringify(dataCenterTargetFile(dc.baseUrl)));
    for (const json of [false, true]) {
      const f = cli({
        stdin: Readable.from([JSON.stringify({ bitbucket: DC_SECRETS.token })]),
        sessionClient: () => createCheckSessionClient({ appInfo: f.deps.appInfo, clock: fixedClock('2026-11-29T08:00:00.000Z'), providers: simProviders(cloud, [dc]), network: simNetwork(dc.caCert) }),
      });
      const r = await f.run(['check', '--target', target, '--stdin', ...(json ? ['--json'] : [])]).finally(f.cleanup);
      expect(r.code).toBe(0);
      for (const line of [...r.out, ...r.err]) expect(line).not.toMatch(RAW_CONTROL);
      if (json) expect(JSON.stringify(JSON.parse(r.out[0] ?? ''))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
      else expect(r.out.find((l) => l.startsWith('PASS  Bitbucket Data Center instance'))).toContain('\\u001b]0;x\\u0007\\u001b[2K\\u000dallow OK\\u202e\\u009b');
    }
  });
});

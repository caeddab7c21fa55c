import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bundleChild } from '../../../../support/bundle-child';
import { startHttpsSim, type RunningSim } from '../../../../simulators/https-sim';

// The TLS fix the Bitbucket Cloud failure names is true: a process started with
// NODE_EXTRA_CA_CERTS pointing at the CA that signed the answering certificate (a TLS-inspecting
// proxy's, here the simulator's throw-away CA) is let through by the same client that, started
// without it, refuses the certificate in words. Node reads the variable once at start, so each
// case is its own child process, bundled from the same sources.

const root = resolve(__dirname, '../../../../..');
const outDir = join(root, '.tmp', `extra-ca-${process.pid}`);
let script = '';
const caFile = join(outDir, 'corporate-ca.pem');
let sim: RunningSim;

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  script = await bundleChild(join(__dirname, 'extra-ca-child.ts'), outDir, 'extra-ca-child');
  sim = await startHttpsSim(() => ({ status: 200, body: { ok: true } }));
  writeFileSync(caFile, sim.caCert);
}, 60_000);
afterAll(async () => {
  await sim.close();
  rmSync(outDir, { recursive: true, force: true });
});

const Outcome = z.union([z.strictObject({ status: z.number() }), z.strictObject({ reason: z.string(), detail: z.string() })]);

const runChild = async (extra: Record<string, string>) => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'NODE_EXTRA_CA_CERTS' && k !== 'NODE_TLS_REJECT_UNAUTHORIZED') env[k] = v;
  const { stdout } = await promisify(execFile)(process.execPath, [script, sim.origin], { env: { ...env, ...extra } });
  return Outcome.parse(JSON.parse(stdout));
};

describe('the NODE_EXTRA_CA_CERTS fix of a Bitbucket Cloud TLS failure', () => {
  it('without it, the certificate is refused and the words name it', async () => {
    const r = await runChild({});
    expect(r).toMatchObject({ reason: 'tls' });
    expect('detail' in r ? r.detail : '').toContain('NODE_EXTRA_CA_CERTS');
  });

  it('with it, the same client is let through', async () => {
    expect(await runChild({ NODE_EXTRA_CA_CERTS: caFile })).toEqual({ status: 200 });
  });
});

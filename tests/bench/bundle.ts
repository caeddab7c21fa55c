import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { fixedClock } from '../../main/services/clock/clock';
import { exportBundle } from '../../main/services/bundle/export-bundle';
import { createSigningKeyService } from '../../main/services/bundle/signing-key';
import { verifyBundle } from '../../main/services/bundle/verify-bundle';
import { memorySecretStore } from '../support/memory-secret-store';
import { AT, readyDataCenterPortable } from '../support/domain-builders';
import { ratioRow, sample, type BenchOptions, type BenchRow, type Sample } from './stats';

// Bundle export (payload, DSSE signature, printable summary, secret scan) and offline verify
// (strict JSON, envelope, signature, schema, pin, validity), each against one bare Ed25519
// crypto.sign / crypto.verify over bytes of the same size. The key lives in an in-memory store:
// the keychain is not what is measured.

const BATCH = 20;

/** Per-call milliseconds: `runs` timings of BATCH calls each, divided by BATCH. */
const perCall = async (runs: number, fn: () => unknown): Promise<Sample> => {
  const values: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const start = performance.now();
    for (let i = 0; i < BATCH; i += 1) await fn();
    values.push((performance.now() - start) / BATCH);
  }
  return sample(values);
};

export const bundleFigure = async (o: BenchOptions): Promise<BenchRow[]> => {
  const { store } = memorySecretStore();
  const keys = createSigningKeyService(store);
  const clock = fixedClock(AT);
  const ready = readyDataCenterPortable();
  const exportOnce = async (): Promise<string> => {
    const r = await exportBundle({ keys, clock, app: { name: 'Bitbucket Target Setup', version: '0.1.0' } }, { target: ready.target, checks: ready.checks });
    if (!r.ok) throw new Error(`export refused: ${r.error.code}`);
    return r.value.text;
  };
  const text = await exportOnce();
  const fingerprint = verifyBundle(text, { clock }).fingerprint;
  const check = verifyBundle(text, { clock, pinnedFingerprint: fingerprint });
  if (!check.valid) throw new Error(`the exported bundle does not verify: ${check.verdict}`);
  const pair = generateKeyPairSync('ed25519');
  const bytes = Buffer.alloc(Buffer.byteLength(text), 0x61);
  const sig = sign(null, bytes, pair.privateKey);
  const runs = o.smoke ? 3 : 21;
  // Warm-up, then alternate so machine noise hits both sides alike.
  for (let w = 0; w < 3; w += 1) await perCall(1, exportOnce);
  const exp: number[] = [];
  const expFloor: number[] = [];
  const ver: number[] = [];
  const verFloor: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    exp.push((await perCall(1, exportOnce)).median);
    expFloor.push((await perCall(1, () => sign(null, bytes, pair.privateKey))).median);
    ver.push((await perCall(1, () => verifyBundle(text, { clock, pinnedFingerprint: fingerprint }))).median);
    verFloor.push((await perCall(1, () => verify(null, bytes, pair.publicKey, sig))).median);
  }
  const note = `${Buffer.byteLength(text)}-byte bundle; each run is the mean of ${BATCH} calls; floor over bytes of the same size`;
  return [
    // No goal for export: reported for reference, never judged.
    { ...ratioRow({ figure: 'bundle export', unit: 'ms', ours: sample(exp), floor: sample(expFloor), goal: 'none (reported)', note }, 0, o.smoke), met: null },
    ratioRow(
      { figure: 'bundle verify', unit: 'ms', ours: sample(ver), floor: sample(verFloor), goal: 'median ≤ 1 ms (absolute)', note },
      1,
      o.smoke,
      (ours) => ours.median,
    ),
  ];
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../../main/services/bundle/verify-bundle';
import { cloudJira, dcTunnel, makeExporter, type TargetWithChecks } from './bundle-support';

// Acceptance: every single-byte change anywhere in a real bundle is rejected, or — only where
// the byte is JSON whitespace outside the envelope's strings and stays JSON whitespace — the file
// still verifies to the identical payload.

const WS = [0x20, 0x09, 0x0a, 0x0d];

/** For each byte of an ASCII JSON text: is it whitespace outside every string? */
const structuralWhitespace = (bytes: Uint8Array): boolean[] => {
  const out: boolean[] = [];
  let inString = false;
  let escaped = false;
  for (const b of bytes) {
    out.push(!inString && WS.includes(b));
    if (inString) {
      if (escaped) escaped = false;
      else if (b === 0x5c) escaped = true;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
  }
  return out;
};

/** The byte range of the envelope's "payload" string value (between its quotes). */
const payloadValueRange = (text: string): [number, number] => {
  const start = text.indexOf('"payload": "') + '"payload": "'.length;
  return [start, text.indexOf('"', start)];
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const setup = async (make: () => TargetWithChecks) => {
  const ex = makeExporter();
  const out = await ex.exportOk(make());
  const bytes = Buffer.from(out.text, 'utf8');
  // Pinned, so "still valid" means what an importer would act on.
  const pin = { clock: ex.clock, pinnedFingerprint: out.fingerprint };
  const original = verifyBundle(bytes, pin);
  expect(original.valid).toBe(true);
  const ws = structuralWhitespace(bytes);
  /** 'rejected' | 'same' (still valid, identical payload) | a description of a defect. */
  const judge = (pos: number, value: number): string => {
    const copy = Buffer.from(bytes);
    copy[pos] = value;
    const v = verifyBundle(copy, pin);
    if (!v.valid) return 'rejected';
    const allowed = ws[pos] === true && WS.includes(value);
    const same = JSON.stringify(v.payload) === JSON.stringify(original.payload) && v.fingerprint === original.fingerprint;
    return allowed && same ? 'same' : `accepted a change at ${pos}: ${bytes[pos]} -> ${value}`;
  };
  const verdictAt = (pos: number, value: number): string => {
    const copy = Buffer.from(bytes);
    copy[pos] = value;
    return verifyBundle(copy, pin).verdict;
  };
  return { bytes, ws, judge, verdictAt, text: out.text };
};

describe.each([
  ['Cloud → Jira', cloudJira],
  ['Data Center behind an approved tunnel', dcTunnel],
])('single-byte changes to a %s bundle', (_name, make) => {
  it('walks every position with several replacements each', async () => {
    const { bytes, ws, judge } = await setup(make);
    const defects: string[] = [];
    let rejected = 0;
    let same = 0;
    for (let pos = 0; pos < bytes.length; pos += 1) {
      const b = bytes[pos] ?? 0;
      const values = new Set([b ^ 0x01, b ^ 0x20, b ^ 0x80, 0x00, ...(ws[pos] ? WS : [])]);
      values.delete(b);
      for (const value of values) {
        const r = judge(pos, value);
        if (r === 'rejected') rejected += 1;
        else if (r === 'same') same += 1;
        else defects.push(r);
      }
    }
    expect(defects).toEqual([]);
    expect(rejected).toBeGreaterThan(bytes.length * 3);
    // The pretty-printed envelope has structural whitespace, and swapping it is harmless.
    expect(same).toBeGreaterThan(0);
  });

  it('reads any other base64 character inside the payload as BUNDLE_SIGNATURE_INVALID', async () => {
    const { text, verdictAt } = await setup(make);
    const [start, end] = payloadValueRange(text);
    fc.assert(
      fc.property(fc.integer({ min: start, max: end - 1 }), fc.constantFrom(...B64), (pos, ch) => {
        fc.pre(text[pos] !== ch);
        return verdictAt(pos, ch.charCodeAt(0)) === 'BUNDLE_SIGNATURE_INVALID';
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('rejects a fast-check sample of 2,000 random (position, byte) changes', async () => {
    const { bytes, judge } = await setup(make);
    let checked = 0;
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), (pos, value) => {
        fc.pre(value !== bytes[pos]);
        checked += 1;
        const r = judge(pos, value);
        return r === 'rejected' || r === 'same';
      }),
      { numRuns: 2000, seed: 20261129 },
    );
    expect(checked).toBeGreaterThanOrEqual(2000);
  });
});

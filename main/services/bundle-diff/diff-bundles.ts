import type { BundleDiffResult, BundleSide } from '../../../shared/contract/bundle-diff';
import type { BundleVerification } from '../../../shared/domain/bundle';
import { verifyBundle } from '../bundle/verify-bundle';
import type { Clock } from '../clock/clock';
import { diffPayloads } from './diff-payloads';

// Each file is verified on its own first (no network); only when both signatures hold are their
// payloads compared. An expired, unpinned or differently pinned bundle is still intact: its
// verdict is shown next to the diff.

const sideOf = (v: BundleVerification): BundleSide => ({
  verdict: v.verdict,
  message: v.message,
  fingerprint: v.fingerprint,
  intact: v.payload !== null,
  bundle_id: v.payload?.bundle_id ?? null,
});

export const diffBundles = (
  a: Uint8Array,
  b: Uint8Array,
  o: { readonly clock: Clock; readonly pinnedFingerprint?: string; readonly trusted?: readonly string[] },
): BundleDiffResult => {
  const opts = { clock: o.clock, pinnedFingerprint: o.pinnedFingerprint ?? null, ...(o.trusted === undefined ? {} : { trusted: o.trusted }) };
  const va = verifyBundle(a, opts);
  const vb = verifyBundle(b, opts);
  const intact = va.payload !== null && vb.payload !== null;
  return {
    a: sideOf(va),
    b: sideOf(vb),
    intact,
    identical: Buffer.from(a).equals(Buffer.from(b)),
    changes: va.payload !== null && vb.payload !== null ? diffPayloads(va.payload, vb.payload) : [],
  };
};

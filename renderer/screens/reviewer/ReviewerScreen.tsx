import { useState } from 'react';
import type { BundleVerification } from '../../../shared/domain/bundle';
import { useApp } from '../../store/context';
import { BundleOpener } from './BundleOpener';
import { VerificationResult } from './VerificationResult';

const PIN = /^sha256:[0-9a-f]{64}$/;

/** Reviewer view: open a bundle, verify it offline, read what it says; optionally pin the key. */
export const ReviewerScreen = () => {
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const openStatus = useApp((s) => s.openStatus);
  const [pin, setPin] = useState('');
  const [result, setResult] = useState<{ verification: BundleVerification; fileName: string } | null>(null);
  const pinned = pin.trim().toLowerCase();
  const pinValid = pinned === '' || PIN.test(pinned);
  const verify = async (text: string, fileName: string) => {
    setResult(null);
    const input = pinned !== '' && pinValid ? { text, fingerprint: pinned } : { text };
    const verification = await run('bundle.verify', input, 'Verifying the bundle offline');
    if (verification !== null) setResult({ verification, fileName });
  };
  return (
    <section aria-labelledby="reviewer-title">
      <h2 id="reviewer-title">Review a bundle</h2>
      <p>
        Check a target configuration bundle exported by an admin. Verification needs no network: it checks the Ed25519
        signature, the format version and the validity dates.
      </p>
      <div className="field">
        <label htmlFor="pinned-fingerprint">Expected signing key fingerprint (optional)</label>
        <input
          id="pinned-fingerprint"
          type="text"
          value={pin}
          spellCheck={false}
          autoComplete="off"
          placeholder="sha256:…"
          aria-invalid={!pinValid}
          aria-describedby="pinned-hint"
          onChange={(e) => setPin(e.target.value)}
        />
        <p id="pinned-hint" className="hint">
          {pinValid ? 'The fingerprint the admin read out to you. A bundle signed by any other key is refused.' : 'Use sha256: followed by 64 hex digits.'}
        </p>
      </div>
      <BundleOpener onText={(text, name) => void verify(text, name)} disabled={busy !== null || !pinValid} />
      {result !== null ? <VerificationResult result={result.verification} fileName={result.fileName} /> : null}
      <button type="button" className="button-link" onClick={() => void openStatus()}>
        Back to Integration status
      </button>
    </section>
  );
};

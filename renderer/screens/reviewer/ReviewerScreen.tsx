import { useState } from 'react';
import type { BundleVerification } from '../../../shared/domain/bundle';
import { readFingerprint, type FingerprintReading } from '../../../shared/domain/fingerprint-input';
import { fingerprintGroups } from '../../components/Fingerprint';
import { useApp } from '../../store/context';
import { BundleDiffPanel } from './BundleDiffPanel';
import { BundleOpener } from './BundleOpener';
import { PinHint } from './PinHint';
import { VerificationResult } from './VerificationResult';

type Loaded = { readonly text: string; readonly fileName: string };

const readPin = (text: string): FingerprintReading | null => (text.trim() === '' ? null : readFingerprint(text));

/** Reviewer view: open a bundle, verify it offline, read what it says; pin the key to confirm the signer. */
export const ReviewerScreen = () => {
  const run = useApp((s) => s.run);
  const openStatus = useApp((s) => s.openStatus);
  const [pin, setPin] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<{ verification: BundleVerification; fileName: string } | null>(null);
  const reading = readPin(pin);

  const verify = async (file: Loaded) => {
    setLoaded(file);
    setResult(null);
    setRefusal(null);
    // A pin that does not read as a fingerprint is refused with its reason; the bundle is not
    // verified without it (that would quietly drop what the reviewer asked for).
    if (reading !== null && !reading.ok) {
      setRefusal(reading.reason);
      return;
    }
    const input = reading === null ? { text: file.text } : { text: file.text, fingerprint: reading.fingerprint };
    const verification = await run('bundle.verify', input, 'Verifying the bundle offline');
    if (verification !== null) setResult({ verification, fileName: file.fileName });
  };

  return (
    <section aria-labelledby="reviewer-title">
      <h2 id="reviewer-title">Review a bundle</h2>
      <p>
        Check a target configuration bundle exported by an admin. Verification needs no network: it checks the Ed25519
        signature, the format version, the validity dates and the readiness. Only a fingerprint you confirmed with the
        admin shows who signed it.
      </p>
      <div className="field">
        <label htmlFor="pinned-fingerprint">Expected signing key fingerprint (optional)</label>
        <input
          id="pinned-fingerprint"
          type="text"
          value={pin}
          spellCheck={false}
          autoComplete="off"
          placeholder="sha256:19f2 ab61 …"
          aria-invalid={reading !== null && !reading.ok}
          aria-describedby="pinned-hint"
          onChange={(e) => setPin(e.target.value)}
        />
        <PinHint id="pinned-hint" reading={reading} groups={reading?.ok === true ? fingerprintGroups(reading.fingerprint) : []} />
      </div>
      <BundleOpener onText={(text, fileName) => void verify({ text, fileName })} />
      {refusal !== null ? (
        <div className="error-panel" role="alert" data-refusal="fingerprint">
          <p>
            <strong>Not verified: the expected fingerprint is refused.</strong> {refusal}
          </p>
          <p>Correct the fingerprint or clear the field, then verify again. The file stays loaded.</p>
        </div>
      ) : null}
      {loaded !== null ? (
        <p>
          <button type="button" onClick={() => void verify(loaded)}>
            Verify again
          </button>
        </p>
      ) : null}
      {result !== null ? <VerificationResult result={result.verification} fileName={result.fileName} /> : null}
      <BundleDiffPanel fingerprint={reading === null ? null : reading.ok ? reading.fingerprint : undefined} />
      <button type="button" className="button-link" onClick={() => void openStatus()}>
        Back to Integration status
      </button>
    </section>
  );
};

import type { BundleVerification } from '../../../shared/domain/bundle';
import { describeError } from '../../../shared/errors/catalog';
import { CopyButton } from '../../components/CopyButton';
import { Fingerprint } from '../../components/Fingerprint';
import { Masked } from '../../safe-mode/Masked';
import { BundleEvidence } from './BundleEvidence';
import { BundleTarget } from './BundleTarget';
import { MeaningAndFix } from '../../components/MeaningAndFix';

/** The verifier's verdict first, then what the bundle says (only when its signature held). */
export const VerificationResult = ({ result, fileName }: { readonly result: BundleVerification; readonly fileName: string }) => {
  const code = result.verdict === 'valid' ? null : result.verdict;
  return (
    <section aria-labelledby="verdict-title" data-verdict={result.verdict}>
      <h3 id="verdict-title" className="section-title">
        Verdict for <Masked text={fileName} />: {result.valid ? 'valid signature' : describeError(code ?? 'BUNDLE_MALFORMED').title}
      </h3>
      {code === null ? (
        <p className="result-line">
          <Masked text={result.message} />
        </p>
      ) : (
        <div className="error-panel" role="alert" data-code={code}>
          <p className="label">
            <code>{code}</code> <CopyButton text={code} label={`Copy code ${code}`} />
          </p>
          <p>
            <Masked text={result.message} />
          </p>
          <MeaningAndFix code={code} />
        </div>
      )}
      {result.fingerprint !== null ? <Fingerprint value={result.fingerprint} label="The bundle's signing key" /> : null}
      {result.pinned_fingerprint !== null ? (
        <p>
          Pinned fingerprint: <code>{result.pinned_fingerprint}</code> —{' '}
          {result.pinned_fingerprint === result.fingerprint ? 'matches' : 'does not match'}.
        </p>
      ) : null}
      {result.summary !== null ? <BundleTarget summary={result.summary} /> : null}
      {result.payload !== null ? <BundleEvidence payload={result.payload} /> : null}
    </section>
  );
};

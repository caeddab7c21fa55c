import type { BundleVerification } from '../../../shared/domain/bundle';
import type { ErrorCode } from '../../../shared/errors/codes';
import { describeError } from '../../../shared/errors/catalog';
import { CopyButton } from '../../components/CopyButton';
import { Fingerprint } from '../../components/Fingerprint';
import { Masked } from '../../safe-mode/Masked';
import { BundleEvidence } from './BundleEvidence';
import { BundleRepositories } from './BundleRepositories';
import { BundleRadarSection } from './BundleRadarSection';
import { BundleTarget } from './BundleTarget';
import { MeaningAndFix } from '../../components/MeaningAndFix';

/** The heading's words for a verdict: green, amber or the code's catalog title. */
const verdictTitle = (r: BundleVerification): string => {
  if (r.verdict === 'valid') return r.signer_confirmed_by === 'trust_list' ? 'valid signature, trusted signer' : 'valid signature, pinned signer';
  if (r.verdict === 'valid_unpinned') return 'signature valid, signer not confirmed';
  return describeError(r.verdict).title;
};

const Refused = ({ code, message }: { readonly code: ErrorCode; readonly message: string }) => (
  <div className="error-panel" role="alert" data-code={code}>
    <p className="label">
      <code>{code}</code> <CopyButton text={code} label={`Copy code ${code}`} />
    </p>
    <p>
      <Masked text={message} />
    </p>
    <MeaningAndFix code={code} />
  </div>
);

/** Amber: the signature holds for the key the bundle carries, but nobody said that key is the admin's. */
const Unconfirmed = ({ message }: { readonly message: string }) => (
  <div className="notice" role="status" data-signer="unconfirmed">
    <p>
      <strong>Signature valid, signer not confirmed: compare the fingerprint.</strong> Any key makes a valid signature, so
      this alone does not show the admin made the bundle. Ask the admin to read out the fingerprint from the app (or{' '}
      <code>signing-key</code>), compare it with the one below, then enter it above and verify again.
    </p>
    <p>
      <Masked text={message} />
    </p>
  </div>
);

/** The verifier's verdict first, then what the bundle says (only when its signature held). */
export const VerificationResult = ({ result, fileName }: { readonly result: BundleVerification; readonly fileName: string }) => (
  <section aria-labelledby="verdict-title" data-verdict={result.verdict}>
    <h3 id="verdict-title" className="section-title">
      Verdict for <Masked text={fileName} />: {verdictTitle(result)}
    </h3>
    {result.verdict === 'valid' ? (
      <p className="result-line">
        <Masked text={result.message} />
      </p>
    ) : result.verdict === 'valid_unpinned' ? (
      <Unconfirmed message={result.message} />
    ) : (
      <Refused code={result.verdict} message={result.message} />
    )}
    {result.fingerprint !== null ? <Fingerprint value={result.fingerprint} label="The bundle's signing key" /> : null}
    {result.pinned_fingerprint !== null ? (
      <p>
        Pinned fingerprint: <code>{result.pinned_fingerprint}</code> —{' '}
        {result.pinned_fingerprint === result.fingerprint ? 'matches' : 'does not match'}.
      </p>
    ) : null}
    {result.summary !== null ? <BundleTarget summary={result.summary} /> : null}
    {result.payload !== null && result.payload.format_version === 1 ? <BundleEvidence payload={result.payload} /> : null}
    {result.payload !== null && result.payload.format_version === 2 ? <BundleRepositories payload={result.payload} /> : null}
    {result.payload !== null && result.payload.format_version === 1 ? <BundleRadarSection payload={result.payload} /> : null}
  </section>
);

import type { BundlePayload } from '../../../shared/domain/bundle';
import { CheckFacts } from '../../components/CheckFacts';
import { StageTable } from '../../components/StageTable';
import { Masked } from '../../safe-mode/Masked';
import { ReadyStates } from '../../steps/review/ReadyStates';
import { stageRows } from '../../steps/target/url-stages';

/** The evidence the bundle carries: confirmations, URL-safety stages, provider checks, readiness. */
export const BundleEvidence = ({ payload }: { readonly payload: BundlePayload }) => {
  const t = payload.target;
  const confirmations = t.provider_key === 'bitbucket_data_center_issues' ? Object.entries(t.confirmations) : [];
  return (
    <>
      {confirmations.length > 0 ? (
        <>
          <h3 className="section-title">Data Center confirmations</h3>
          <ul>
            {confirmations.map(([key, c]) => (
              <li key={key}>
                <code>{key}</code>: <Masked text={c?.confirmed_by ?? "—"} whole /> at {c?.confirmed_at ?? '—'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {t.provider_key === 'bitbucket_data_center_issues' ? (
        <>
          <h3 className="section-title">URL-safety and probe evidence</h3>
          <StageTable rows={stageRows(payload.checks, false)} caption="URL-safety and probe evidence in the bundle" />
        </>
      ) : null}
      <h3 className="section-title">Provider checks</h3>
      <CheckFacts checks={payload.checks} />
      <h3 className="section-title">Readiness</h3>
      <ReadyStates readiness={payload.readiness} />
    </>
  );
};

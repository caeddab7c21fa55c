import { canPerform } from '../../../shared/domain/step-graph';
import { BlockedState } from '../../components/BlockedState';
import { StageTable } from '../../components/StageTable';
import { useApp } from '../../store/context';
import { factsOf } from '../../store/state';
import { useRecord } from '../use-target';
import type { UrlCheck } from './use-url-check';
import { probeRows, stageRows } from './url-stages';

/** The live URL-safety check and probe of the Data Center base URL, one row per stage. */
export const UrlCheckPanel = ({ urlCheck }: { readonly urlCheck: UrlCheck }) => {
  const record = useRecord();
  const busy = useApp((s) => s.busy);
  if (record === null || record.target.provider_key !== 'bitbucket_data_center_issues') return null;
  const checks = record.checks;
  const { probe, running, check } = urlCheck;
  const rows = running ? stageRows({}, true) : probe !== null ? probeRows(probe.stages, checks) : stageRows(checks, false);
  const blocked = checks.url_safety?.status === 'blocked' || checks.network?.status === 'failed';
  const reason = checks.network?.status === 'failed' ? checks.network.reason : checks.url_safety?.reason;
  const detail = checks.network?.status === 'failed' ? checks.network.detail : checks.url_safety?.detail;
  const credentialsGate = canPerform('store_credential', factsOf({ record }));
  return (
    <section aria-labelledby="url-check-title">
      <h3 id="url-check-title" className="section-title">
        URL-safety check and probe
      </h3>
      <div className="button-row">
        <button type="button" onClick={() => void check()} disabled={busy !== null || record.target.base_url === undefined}>
          {checks.url_safety === undefined ? 'Check the base URL' : 'Check again'}
        </button>
        <span className="muted">
          {record.target.base_url === undefined ? 'Save a base URL first.' : 'Runs from this machine, inside your network. No credential is sent.'}
        </span>
      </div>
      <StageTable rows={rows} caption="URL-safety and probe stages" />
      {blocked && !running ? (
        <BlockedState
          code="PROVIDER_BASE_URL_BLOCKED"
          detail={[reason, detail].filter((x) => x !== undefined).join(': ')}
          onRetry={() => void check()}
          retryLabel="Check again"
        />
      ) : null}
      {!blocked && checks.url_safety?.status === 'passed' && credentialsGate.open ? (
        <p className="result-line" role="status">
          The base URL passed the URL-safety checks{checks.network?.status === 'reached' ? ' and the API root answered' : ''}. Credentials can be entered next.
        </p>
      ) : null}
    </section>
  );
};

import type { RefObject } from 'react';
import { canPerform } from '../../../shared/domain/step-graph';
import { failedStageOf } from '../../../shared/domain/url-stage-info';
import { BlockedState } from '../../components/BlockedState';
import { StageTable } from '../../components/StageTable';
import { Masked } from '../../safe-mode/Masked';
import { useApp } from '../../store/context';
import { factsOf } from '../../store/state';
import { ActionStatus } from '../ActionStatus';
import { useActionFocus } from '../use-action-focus';
import { useRecord } from '../use-target';
import { redirectTargetOf } from './adopt-url';
import type { UrlCheck } from './use-url-check';
import { probeRows, stageRows } from './url-stages';

interface Props {
  readonly urlCheck: UrlCheck;
  /** Checks what the fields hold: saves unsaved edits first, then checks the saved URL. */
  readonly onCheck: () => Promise<void>;
  /** The fields differ from the saved target: the results below are about the saved URL. */
  readonly unsaved: boolean;
  /** The verdict (blocked or passed), where focus lands after a check. */
  readonly verdictRef: RefObject<HTMLDivElement | null>;
  /** Puts a URL into the Base URL field (unsaved until checked). */
  readonly onAdopt: (url: string) => void;
  /** Moves focus to the corporate CA field. */
  readonly onChooseCa: () => void;
}

/** The live URL-safety check and probe of the Data Center base URL, one row per stage. */
export const UrlCheckPanel = ({ urlCheck, onCheck, unsaved, verdictRef, onAdopt, onChooseCa }: Props) => {
  const record = useRecord();
  const busy = useApp((s) => s.busy);
  const { statusRef, phase, act } = useActionFocus(verdictRef);
  if (record === null || record.target.provider_key !== 'bitbucket_data_center_issues') return null;
  const checks = record.checks;
  const { probe, running } = urlCheck;
  const rows = running ? stageRows({}, true) : probe !== null ? probeRows(probe.stages, checks) : stageRows(checks, false);
  const failed = failedStageOf(checks);
  const adopt = redirectTargetOf(checks);
  const credentialsGate = canPerform('store_credential', factsOf({ record }));
  const check = () => void act(onCheck);
  return (
    <section aria-labelledby="url-check-title">
      <h3 id="url-check-title" className="section-title">
        URL-safety check and probe
      </h3>
      <div className="button-row">
        <button type="button" onClick={check} disabled={busy !== null || (record.target.base_url === undefined && !unsaved)}>
          {checks.url_safety === undefined ? 'Check the base URL' : 'Check again'}
        </button>
        <span className="muted">
          {unsaved
            ? 'Saves the edited fields first, then checks the URL in the field.'
            : record.target.base_url === undefined
              ? 'Save a base URL first.'
              : 'Runs from this machine, inside your network. No credential is sent.'}
        </span>
        <ActionStatus statusRef={statusRef} phase={phase} done="Checked: the result is below." />
      </div>
      {unsaved && checks.url_safety !== undefined && !running ? (
        <p className="notice" data-stale="true">
          These results are for the saved base URL <code><Masked text={record.target.base_url ?? ''} /></code>, not the edited fields.
        </p>
      ) : null}
      <StageTable rows={rows} caption="URL-safety and probe stages" />
      <div ref={verdictRef} tabIndex={-1} className="check-verdict" data-verdict-for="url.checkTarget">
        {failed !== null && !running ? (
          <BlockedState
            code="PROVIDER_BASE_URL_BLOCKED"
            detail={`Failed at the ${failed.title} stage — ${[failed.reason, failed.detail].filter((x) => x !== undefined).join(': ')}`}
            onRetry={check}
            retryLabel="Check again"
          />
        ) : null}
        {failed?.stage === 'tls' && !running ? (
          <div className="notice" data-hint="tls-ca">
            <p>
              The TLS handshake did not verify the host&apos;s certificate. Inside a corporate network the certificate usually comes from the organisation&apos;s own CA:
              choose that CA&apos;s certificate in the Corporate CA field, then check again.
            </p>
            <button type="button" onClick={onChooseCa}>
              Go to the Corporate CA field
            </button>
          </div>
        ) : null}
        {adopt !== null && !running ? (
          <div className="notice" data-hint="redirect">
            <p>
              The API root redirects to another origin: <code><Masked text={adopt} /></code>. The app does not follow it (a credential never crosses origins). If
              that is the right host, use it as the base URL and check again.
            </p>
            <button type="button" onClick={() => onAdopt(adopt)}>
              Use this URL
            </button>
          </div>
        ) : null}
        {failed === null && checks.url_safety?.status === 'passed' && credentialsGate.open && !running ? (
          <p className="result-line" role="status">
            The base URL passed the URL-safety checks{checks.network?.status === 'reached' ? ' and the API root answered' : ''}. Credentials can be entered next.
          </p>
        ) : null}
      </div>
    </section>
  );
};

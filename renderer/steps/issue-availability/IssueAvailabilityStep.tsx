import { ISSUES_RETIRED_ON } from '../../../shared/domain/vocabulary';
import type { IssueWorkflow } from '../../../shared/domain/vocabulary';
import { BlockedState } from '../../components/BlockedState';
import { Masked } from '../../safe-mode/Masked';
import { cloudDraft, dataCenterDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { factsOf } from '../../store/state';
import { ActionStatus } from '../ActionStatus';
import { useActionFocus } from '../use-action-focus';
import { FindingsList } from '../credentials/FindingsList';
import { useCredentialActions } from '../credentials/use-credential-actions';
import { RouteChooser } from './RouteChooser';

/** Step 5: can this target receive native issues? Then the route: native, Jira or portable. */
export const IssueAvailabilityStep = () => {
  const record = useApp((s) => s.record);
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const actions = useCredentialActions(record?.target.id ?? 'none');
  const { statusRef, resultRef, phase, act } = useActionFocus<HTMLDivElement>();
  if (record === null) return null;
  const t = record.target;
  const tracking = record.checks.issue_tracking;
  // Choosing portable export records its default format with it: one choice, no second "Use JSON".
  const portable = (route: IssueWorkflow) => (route === 'portable' && t.portable === undefined ? { portable: { format: 'json' as const } } : {});
  const choose = (route: IssueWorkflow) => {
    if (t.provider_key === 'bitbucket_cloud_issues') void saveDraft({ ...cloudDraft(t), issue_workflow: route, ...portable(route) }, 'Recording the route');
    else if (route !== 'native') void saveDraft({ ...dataCenterDraft(t), issue_workflow: route, ...portable(route) }, 'Recording the route');
  };
  const scopeBlocked = record.readiness.blocking.includes('PROVIDER_SCOPE_UNAVAILABLE');
  return (
    <div>
      <div ref={resultRef} tabIndex={-1} role="region" aria-labelledby="verdict-title" data-result-for="issue_availability">
      <h3 id="verdict-title" className="section-title">Verdict</h3>
      {t.provider_key === 'bitbucket_data_center_issues' ? (
        <p className="notice" data-verdict="unavailable">
          Bitbucket Data Center has no issue tracker: the work goes to Jira export or portable export.
        </p>
      ) : tracking === undefined ? (
        <p className="muted">Not checked yet.</p>
      ) : (
        <p className={tracking.available ? 'result-line' : 'notice'} data-verdict={tracking.available ? 'available' : 'unavailable'}>
          <strong>{tracking.available ? 'Native issues available.' : 'Native issues unavailable.'}</strong> <Masked text={tracking.reason} />
          {tracking.retired ? ` (Bitbucket Cloud retired issues on ${ISSUES_RETIRED_ON}.)` : ''}
        </p>
      )}
      {t.provider_key === 'bitbucket_cloud_issues' ? (
        <div className="button-row">
          <button type="button" className="button-secondary" onClick={() => void act(actions.test)} disabled={busy !== null}>
            {tracking === undefined ? 'Run the issue availability check' : 'Check again'}
          </button>
          <ActionStatus statusRef={statusRef} phase={phase} done="Checked: the verdict is above." />
        </div>
      ) : null}
      {actions.findings !== null ? <FindingsList findings={actions.findings} /> : null}
      </div>
      {tracking !== undefined && !tracking.available && t.issue_workflow === undefined ? (
        <BlockedState code="ISSUE_TRACKING_DISABLED" detail={tracking.reason} />
      ) : null}
      {scopeBlocked ? <BlockedState code="PROVIDER_SCOPE_UNAVAILABLE" onRetry={() => void act(actions.test)} retryLabel="Check again" /> : null}
      <RouteChooser facts={factsOf({ record })} value={t.issue_workflow} onChoose={choose} disabled={busy !== null} />
    </div>
  );
};

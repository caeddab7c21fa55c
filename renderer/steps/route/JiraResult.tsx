import type { JiraCheck } from '../../../shared/domain/checks';
import { BlockedState } from '../../components/BlockedState';
import { Masked } from '../../safe-mode/Masked';

/** The live Jira check: server, identity, project and issue type, or the code that blocks it. */
export const JiraResult = ({ jira, onRetry }: { readonly jira: JiraCheck; readonly onRetry: () => void }) => {
  const who = [jira.identity?.display_name, jira.identity?.email].filter((x) => x !== undefined).join(' · ');
  return (
    <section aria-labelledby="jira-result-title" data-jira-status={jira.status}>
      <h3 id="jira-result-title" className="section-title">
        Jira check: {jira.status === 'ok' ? 'passed' : 'blocked'}
      </h3>
      <dl className="facts">
        <div>
          <dt>Server</dt>
          <dd>{jira.server !== undefined ? `${jira.server.version}${jira.server.deployment_type !== undefined ? ` (${jira.server.deployment_type})` : ''}` : '—'}</dd>
        </div>
        <div>
          <dt>Signed in as</dt>
          <dd>{who === '' ? '—' : <Masked text={who} whole />}</dd>
        </div>
        <div>
          <dt>Project</dt>
          <dd>{jira.project !== undefined ? <Masked text={`${jira.project.key} — ${jira.project.name}`} /> : '—'}</dd>
        </div>
        <div>
          <dt>Issue type</dt>
          <dd>{jira.issue_type?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>Checked</dt>
          <dd>{jira.checked_at}</dd>
        </div>
      </dl>
      {jira.status === 'blocked' ? (
        <BlockedState code={jira.code ?? 'JIRA_HANDOFF_UNAVAILABLE'} wording="jira" {...(jira.detail !== undefined ? { detail: jira.detail } : {})} onRetry={onRetry} retryLabel="Check Jira again" />
      ) : null}
    </section>
  );
};

import type { CheckResults } from '../../shared/domain/checks';
import { Masked } from '../safe-mode/Masked';

const rows = (c: CheckResults): Array<[string, string, string]> => {
  const out: Array<[string, string, string]> = [];
  if (c.auth !== undefined) {
    const who = c.auth.identity?.display_name ?? c.auth.identity?.username ?? c.auth.identity?.email;
    out.push(['Credential', `${c.auth.status}${who !== undefined ? ` as ${who}` : ''}${c.auth.code !== undefined ? ` (${c.auth.code})` : ''}`, c.auth.checked_at]);
  }
  if (c.workspace !== undefined) out.push(['Workspace role', `${c.workspace.role}; customer-owned: ${c.workspace.customer_owned ? 'yes' : 'no'}`, c.workspace.checked_at]);
  if (c.repository !== undefined) out.push(['Repository', c.repository.status, c.repository.checked_at]);
  if (c.issue_tracking !== undefined) {
    out.push(['Issue tracking', `${c.issue_tracking.available ? 'available' : 'unavailable'}: ${c.issue_tracking.reason}`, c.issue_tracking.checked_at]);
  }
  if (c.scopes !== undefined) {
    out.push(['Scopes', `${c.scopes.status}; granted: ${c.scopes.granted.join(' ') || 'none'}${c.scopes.missing.length > 0 ? `; missing: ${c.scopes.missing.join(' ')}` : ''}`, c.scopes.checked_at]);
  }
  if (c.jira !== undefined) {
    const j = c.jira;
    const what = [j.status, j.server?.version, j.project?.key, j.issue_type?.name, j.code].filter((x) => x !== undefined).join(' · ');
    out.push(['Jira handoff', what, j.checked_at]);
  }
  return out;
};

/** Every provider check's verdict and evidence with its time (URL stages are shown separately). */
export const CheckFacts = ({ checks }: { readonly checks: CheckResults }) => {
  const list = rows(checks);
  if (list.length === 0) return <p className="muted">No provider checks recorded.</p>;
  return (
    <dl className="facts">
      {list.map(([name, value, at]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <Masked text={value} /> <span className="muted">(checked {at})</span>
          </dd>
        </div>
      ))}
    </dl>
  );
};

import type { CheckResults } from '../../shared/domain/checks';
import { Masked } from '../safe-mode/Masked';

type Row = [name: string, value: string, at: string, whole?: boolean];

const rows = (c: CheckResults): Row[] => {
  const out: Row[] = [];
  if (c.auth !== undefined) {
    out.push(['Credential', `${c.auth.status}${c.auth.code !== undefined ? ` (${c.auth.code})` : ''}`, c.auth.checked_at]);
    const id = c.auth.identity;
    const who = [id?.display_name, id?.username, id?.email].filter((x) => x !== undefined).join(' · ');
    if (who !== '') out.push(['Signed in as', who, c.auth.checked_at, true]);
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
      {list.map(([name, value, at, whole]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <Masked text={value} whole={whole === true} /> <span className="muted">(checked {at})</span>
          </dd>
        </div>
      ))}
    </dl>
  );
};

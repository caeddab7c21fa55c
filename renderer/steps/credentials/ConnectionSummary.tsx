import type { CheckResults } from '../../../shared/domain/checks';
import { Masked } from '../../safe-mode/Masked';

/** Who the credential signs in as, and the workspace role Bitbucket reports for that user. */
export const ConnectionSummary = ({ checks }: { readonly checks: CheckResults }) => {
  const auth = checks.auth;
  if (auth === undefined) return <p className="muted">Not tested yet.</p>;
  const id = auth.identity;
  const who = [id?.display_name, id?.username, id?.email].filter((x) => x !== undefined).join(' · ');
  return (
    <dl className="facts" aria-label="Connection">
      <div>
        <dt>Credential</dt>
        <dd>{auth.status === 'ok' ? 'Accepted' : auth.status === 'retired' ? 'Retired method' : auth.status === 'missing' ? 'Missing' : 'Rejected'}</dd>
      </div>
      {who !== '' ? (
        <div>
          <dt>Signed in as</dt>
          <dd>
            <Masked text={who} whole />
          </dd>
        </div>
      ) : null}
      {checks.workspace !== undefined ? (
        <div>
          <dt>Workspace role</dt>
          <dd>
            {checks.workspace.role} ({checks.workspace.customer_owned ? 'customer-owned workspace confirmed' : 'not a member: ownership not confirmed'})
          </dd>
        </div>
      ) : null}
    </dl>
  );
};

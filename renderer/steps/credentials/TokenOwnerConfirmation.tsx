import { useState } from 'react';
import type { CloudTarget } from '../../../shared/domain/target';
import { SensitiveInput } from '../../components/SensitiveInput';
import { useApp } from '../../store/context';
import { cloudDraft } from '../../store/draft';
import { ActionStatus } from '../ActionStatus';
import { useActionFocus } from '../use-action-focus';

/**
 * Access tokens have no user, so a member's role cannot show the workspace is the customer's: an
 * admin of the workspace confirms they created the token for it, with their name and the time.
 */
export const TokenOwnerConfirmation = ({ target }: { readonly target: CloudTarget }) => {
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const saved = target.token_owner_confirmation;
  const [by, setBy] = useState(saved?.confirmed_by ?? '');
  const { statusRef, phase, act } = useActionFocus();
  const record = () => {
    const name = by.trim();
    const token_owner_confirmation = saved !== undefined && saved.confirmed_by === name ? saved : { confirmed_by: name, confirmed_at: new Date().toISOString() };
    void act(() => saveDraft({ ...cloudDraft(target), token_owner_confirmation }, 'Recording the access token confirmation'));
  };
  return (
    <fieldset data-confirmation="token_owner">
      <legend>An admin of workspace {target.workspace ?? ''} created this access token for it</legend>
      <label htmlFor="token-owner-by">Confirmed by (name and role)</label>
      <SensitiveInput id="token-owner-by" value={by} onChange={setBy} />
      <div className="button-row">
        <button type="button" onClick={record} disabled={busy !== null || by.trim() === ''}>
          Record the confirmation
        </button>
        <span className="muted">{saved !== undefined ? `Recorded ${saved.confirmed_at.slice(0, 10)}.` : 'Needed before an access token target can be ready.'}</span>
        <ActionStatus statusRef={statusRef} phase={phase} done="Confirmation recorded." />
      </div>
    </fieldset>
  );
};

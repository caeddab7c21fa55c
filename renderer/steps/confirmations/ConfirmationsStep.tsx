import { useState } from 'react';
import type { Confirmation, DataCenterConfirmations } from '../../../shared/domain/target';
import { dataCenterDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { ActionStatus } from '../ActionStatus';
import { useActionFocus } from '../use-action-focus';
import { useDataCenterTarget } from '../use-target';
import { ConfirmationRow } from './ConfirmationRow';
import { CONFIRMATION_ITEMS, type ConfirmationKey } from './confirmation-items';

type Form = Record<ConfirmationKey, { ticked: boolean; by: string }>;

const formOf = (c: DataCenterConfirmations): Form => ({
  ownership: { ticked: c.ownership !== undefined, by: c.ownership?.confirmed_by ?? '' },
  api_root_reachable: { ticked: c.api_root_reachable !== undefined, by: c.api_root_reachable?.confirmed_by ?? '' },
  scan_authorized: { ticked: c.scan_authorized !== undefined, by: c.scan_authorized?.confirmed_by ?? '' },
});

/** Step 2 (Data Center): the three confirmations, each with who gave it, before any base URL. */
export const ConfirmationsStep = () => {
  const target = useDataCenterTarget();
  const saveDraft = useApp((s) => s.saveDraft);
  const next = useApp((s) => s.next);
  const busy = useApp((s) => s.busy);
  const [form, setForm] = useState<Form>(() => formOf(target?.confirmations ?? {}));
  const { statusRef, phase, act } = useActionFocus<HTMLParagraphElement>();
  if (target === null) return <p>Only Bitbucket Data Center targets need these confirmations.</p>;
  const complete = CONFIRMATION_ITEMS.every(({ key }) => form[key].ticked && form[key].by.trim() !== '');
  const given = CONFIRMATION_ITEMS.filter(({ key }) => form[key].ticked && form[key].by.trim() !== '').length;
  // One commit: Record saves what is ticked and named and, once all three are there, opens the Target step.
  const record = async () => {
    const confirmations: DataCenterConfirmations = {};
    for (const { key } of CONFIRMATION_ITEMS) {
      const saved = target.confirmations[key];
      const { ticked, by } = form[key];
      if (!ticked || by.trim() === '') continue;
      const entry: Confirmation =
        saved !== undefined && saved.confirmed_by === by.trim() ? saved : { confirmed_by: by.trim(), confirmed_at: new Date().toISOString() };
      confirmations[key] = entry;
    }
    if ((await saveDraft({ ...dataCenterDraft(target), confirmations }, 'Recording the confirmations')) && complete) next();
  };
  return (
    <div>
      <p>
        Before the base URL is asked, record who confirmed each of these. They travel in the signed bundle with the name and
        the time.
      </p>
      {CONFIRMATION_ITEMS.map((item) => (
        <ConfirmationRow
          key={item.key}
          item={item}
          value={form[item.key]}
          onChange={(value) => setForm((f) => ({ ...f, [item.key]: value }))}
        />
      ))}
      <div className="button-row">
        <button type="button" onClick={() => void act(record)} disabled={busy !== null} aria-describedby="confirmations-what">
          {complete ? 'Record confirmations and continue' : 'Record confirmations'}
        </button>
        <span id="confirmations-what" className="muted">
          {complete
            ? 'All three confirmed: recording them opens the Target step, where the base URL is entered.'
            : `${given} of 3 ticked and named. The base URL stays disabled until all three are confirmed.`}
        </span>
        <ActionStatus statusRef={statusRef} phase={phase} done={`Recorded ${given} of 3 confirmations.`} />
      </div>
    </div>
  );
};

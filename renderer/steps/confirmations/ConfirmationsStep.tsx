import { useState } from 'react';
import type { Confirmation, DataCenterConfirmations } from '../../../shared/domain/target';
import { dataCenterDraft } from '../../store/draft';
import { useApp } from '../../store/context';
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
  const busy = useApp((s) => s.busy);
  const [form, setForm] = useState<Form>(() => formOf(target?.confirmations ?? {}));
  if (target === null) return <p>Only Bitbucket Data Center targets need these confirmations.</p>;
  const complete = CONFIRMATION_ITEMS.every(({ key }) => form[key].ticked && form[key].by.trim() !== '');
  const save = () => {
    const confirmations: DataCenterConfirmations = {};
    for (const { key } of CONFIRMATION_ITEMS) {
      const saved = target.confirmations[key];
      const { ticked, by } = form[key];
      if (!ticked || by.trim() === '') continue;
      const entry: Confirmation =
        saved !== undefined && saved.confirmed_by === by.trim() ? saved : { confirmed_by: by.trim(), confirmed_at: new Date().toISOString() };
      confirmations[key] = entry;
    }
    void saveDraft({ ...dataCenterDraft(target), confirmations }, 'Recording the confirmations');
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
        <button type="button" onClick={save} disabled={busy !== null}>
          Record confirmations
        </button>
        <span className="muted">
          {complete ? 'All three confirmed: the base URL can be entered in the Target step.' : 'The base URL stays disabled until all three are confirmed.'}
        </span>
      </div>
    </div>
  );
};

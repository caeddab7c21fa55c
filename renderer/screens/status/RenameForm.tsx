import { useEffect, useState } from 'react';
import { SensitiveInput } from '../../components/SensitiveInput';

/** An inline rename: the current name to edit, Save and Cancel; focus starts in the field. */
export const RenameForm = ({
  id,
  current,
  label,
  onSave,
  onCancel,
}: {
  readonly id: string;
  readonly current: string;
  readonly label: string;
  readonly onSave: (name: string) => Promise<boolean>;
  readonly onCancel: () => void;
}) => {
  const [name, setName] = useState(current);
  const [busy, setBusy] = useState(false);
  useEffect(() => document.getElementById(id)?.focus(), [id]);
  const trimmed = name.trim();
  return (
    <form
      className="card-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed === '') return;
        setBusy(true);
        void onSave(trimmed).then(() => setBusy(false));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <SensitiveInput id={id} value={name} onChange={setName} describedBy={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">
        Names are unique (case does not count). The id, stored credentials and checks stay.
      </p>
      <div className="button-row">
        <button type="submit" disabled={busy || trimmed === ''}>
          Save name
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
};

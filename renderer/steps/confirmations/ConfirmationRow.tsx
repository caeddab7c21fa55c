import { SensitiveInput } from '../../components/SensitiveInput';
import type { CONFIRMATION_ITEMS } from './confirmation-items';

type Item = (typeof CONFIRMATION_ITEMS)[number];
type Value = { ticked: boolean; by: string };

/** One confirmation: the tick, and the name of who confirmed it (masked in safe mode). */
export const ConfirmationRow = ({ item, value, onChange }: { readonly item: Item; readonly value: Value; readonly onChange: (v: Value) => void }) => {
  const tickId = `confirm-${item.key}`;
  const byId = `confirm-${item.key}-by`;
  return (
    <fieldset>
      <legend>{item.label}</legend>
      <label className="check-label" htmlFor={tickId}>
        <input id={tickId} type="checkbox" checked={value.ticked} onChange={(e) => onChange({ ...value, ticked: e.target.checked })} />
        Confirmed
      </label>
      <label htmlFor={byId}>Confirmed by (name and role)</label>
      <SensitiveInput id={byId} value={value.by} onChange={(by) => onChange({ ...value, by })} describedBy={`${byId}-hint`} />
      <p id={`${byId}-hint`} className="hint">
        {item.who}
      </p>
    </fieldset>
  );
};

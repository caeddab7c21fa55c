import type { AllowlistStatus } from '../../../shared/domain/vocabulary';
import { ALLOWLIST_OPTIONS } from './allowlist-options';

interface Props {
  readonly value: AllowlistStatus | undefined;
  readonly onChange: (value: AllowlistStatus) => void;
  readonly acknowledged: boolean;
  readonly onAcknowledge: (value: boolean) => void;
}

/** How WebRiskOps reaches the host, with what each choice means, and the private-address acknowledgement. */
export const AllowlistChooser = ({ value, onChange, acknowledged, onAcknowledge }: Props) => (
  <fieldset aria-describedby="allowlist-why">
    <legend>
      How WebRiskOps reaches the host <code className="field-name">allowlist_status</code>
    </legend>
    <p id="allowlist-why" className="hint">
      This app checks the host from here, inside your network. WebRiskOps reaches it from outside, so it needs the path its traffic takes recorded: the choice
      decides which addresses the checks accept, and it travels in the signed bundle.
    </p>
    {value === undefined ? (
      <p className="notice">
        Not chosen yet: <code>ALLOWLIST_STATUS_MISSING</code> keeps automated provider calls blocked.
      </p>
    ) : null}
    {ALLOWLIST_OPTIONS.map((option) => (
      <label key={option.value} className="check-label" htmlFor={`allowlist-${option.value}`}>
        <input
          id={`allowlist-${option.value}`}
          type="radio"
          name="allowlist_status"
          value={option.value}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
        />
        <span>
          <strong>{option.label}</strong> — {option.meaning}
        </span>
      </label>
    ))}
    {value === 'allowlisted' ? (
      <label className="check-label" htmlFor="private-ack">
        <input id="private-ack" type="checkbox" checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} />
        <span>I acknowledge that this host may resolve to a private address and that the customer allowlists WebRiskOps for it.</span>
      </label>
    ) : null}
  </fieldset>
);

import type { AuthMethod, AuthMethodInfo } from './auth-methods';

interface Props {
  readonly methods: readonly AuthMethodInfo[];
  readonly value: AuthMethod;
  readonly onChange: (m: AuthMethod) => void;
  readonly disabled: boolean;
}

/** auth_method, with what each one means; the retired app password is listed to explain it. */
export const AuthMethodChooser = ({ methods, value, onChange, disabled }: Props) => (
  <fieldset>
    <legend>
      How the app signs in <code className="field-name">auth_method</code>
    </legend>
    {methods.map((m) => (
      <label key={m.value} className="check-label" htmlFor={`auth-${m.value}`}>
        <input
          id={`auth-${m.value}`}
          type="radio"
          name="auth_method"
          value={m.value}
          checked={value === m.value}
          disabled={disabled}
          onChange={() => onChange(m.value)}
        />
        <span>
          <strong>{m.label}</strong> — {m.note}
        </span>
      </label>
    ))}
  </fieldset>
);

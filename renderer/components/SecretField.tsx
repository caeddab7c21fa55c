import { useRef, type RefObject } from 'react';

/**
 * A write-only secret field. Uncontrolled on purpose: the typed value lives only in the input
 * element (never in React or zustand state, never in a DOM attribute), is read once by `take`
 * and cleared at that moment. Nothing ever writes a stored secret back into it.
 */
export const useSecretField = () => {
  const ref = useRef<HTMLInputElement>(null);
  const take = (): string => {
    const el = ref.current;
    if (el === null) return '';
    const value = el.value;
    el.value = '';
    return value;
  };
  return { ref, take };
};

interface Props {
  readonly id: string;
  readonly label: string;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly disabled: boolean;
  readonly hint: string;
}

export const SecretField = ({ id, label, inputRef, disabled, hint }: Props) => (
  <div className="field">
    <label htmlFor={id}>{label}</label>
    <input
      id={id}
      ref={inputRef}
      type="password"
      autoComplete="off"
      spellCheck={false}
      data-secret="true"
      disabled={disabled}
      aria-describedby={`${id}-hint`}
    />
    <p id={`${id}-hint`} className="hint">
      {hint} It goes straight to the OS keychain and is never shown again.
    </p>
  </div>
);

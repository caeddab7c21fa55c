import { useApp } from '../store/context';
import { useMask } from '../safe-mode/use-mask';

interface Props {
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'url' | 'email';
  readonly disabled?: boolean;
  readonly describedBy?: string;
  readonly placeholder?: string;
}

/**
 * A text field whose value may identify the customer (host, user, workspace). In screen-share
 * safe mode it shows the masked value read-only, so the real one is neither on screen nor in the DOM.
 */
export const SensitiveInput = ({ id, value, onChange, type = 'text', disabled = false, describedBy, placeholder }: Props) => {
  const safeMode = useApp((s) => s.safeMode);
  const mask = useMask();
  if (safeMode) {
    return (
      <input
        id={id}
        type="text"
        value={value === '' ? '' : mask(value) === value ? '[hidden]' : mask(value)}
        readOnly
        aria-describedby={describedBy}
        title="Hidden in screen-share safe mode; turn it off to edit."
      />
    );
  }
  return (
    <input
      id={id}
      type={type}
      value={value}
      disabled={disabled}
      spellCheck={false}
      autoComplete="off"
      placeholder={placeholder}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
};

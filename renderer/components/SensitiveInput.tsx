import { useApp } from '../store/context';
import { useMask } from '../safe-mode/use-mask';
import { SuggestionInput, type SuggestionInputProps } from './SuggestionInput';

/** The suggestions are never offered in safe mode: the masked field suggests nothing. */
type Props = SuggestionInputProps;

/**
 * A text field whose value may identify the customer (host, user, workspace). In screen-share
 * safe mode it shows the masked value read-only, so the real one is neither on screen nor in the DOM.
 */
export const SensitiveInput = (props: Props) => {
  const { id, value, describedBy } = props;
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
  return <SuggestionInput {...props} />;
};

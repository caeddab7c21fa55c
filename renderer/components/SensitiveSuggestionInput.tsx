import { useApp } from '../store/context';
import { SensitiveInput } from './SensitiveInput';
import { SuggestionInput, type SuggestionInputProps } from './SuggestionInput';

/**
 * A SensitiveInput with the provider's suggestions: in screen-share safe mode it is the masked,
 * read-only SensitiveInput and suggests nothing; otherwise the combobox. (Kept apart from
 * SensitiveInput, which the first screen loads: the combobox stays in the wizard's lazy chunk.)
 */
export const SensitiveSuggestionInput = (props: SuggestionInputProps) => {
  const safeMode = useApp((s) => s.safeMode);
  const { suggestions: _none, ...plain } = props;
  return safeMode ? <SensitiveInput {...plain} /> : <SuggestionInput {...props} />;
};

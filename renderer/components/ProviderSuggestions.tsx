import { useApp } from '../store/context';
import { useMask } from '../safe-mode/use-mask';
import type { OptionsState } from '../steps/use-provider-options';

interface Props {
  /** The list's id; its status line is `${id}-status`, which the field names in aria-describedby. */
  readonly id: string;
  readonly state: OptionsState;
  /** What the list holds, one and many, and where they come from: "project", "projects", "Bitbucket". */
  readonly one: string;
  readonly noun: string;
  readonly source: string;
  /** What to do when the list cannot help: "type the project key". */
  readonly typeInstead: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The status line of a field's provider suggestions (the list itself is the field's combobox,
 * SuggestionInput): in plain words what is loading, how many came, or why none did; typing any
 * value stays possible throughout. In screen-share safe mode it says the names are hidden.
 */
export const ProviderSuggestions = ({ id, state, one, noun, source, typeInstead }: Props) => {
  const safeMode = useApp((s) => s.safeMode);
  const mask = useMask();
  if (state.status === 'off') return null;
  if (safeMode) {
    return (
      <p id={`${id}-status`} className="hint" data-options={id} data-state="hidden">
        Suggestions from {source} are hidden in screen-share safe mode.
      </p>
    );
  }
  const text =
    state.status === 'loading'
      ? `Loading the ${noun} from ${source}…`
      : state.status === 'failed'
        ? `The ${noun} could not be listed (${state.code}): ${state.message} You can still ${typeInstead}.`
        : state.items.length === 0
          ? `${source} lists no ${noun} for this credential: ${typeInstead}.`
          : state.truncated
            ? `The first ${count(state.items.length)} ${noun} from ${source} are suggested as you type; if yours is not among them, ${typeInstead}.`
            : `${count(state.items.length)} ${state.items.length === 1 ? one : noun} from ${source}: pick one as you type, or ${typeInstead}.`;
  return (
    <p id={`${id}-status`} className="hint" aria-live="polite" data-options={id} data-state={state.status}>
      {mask(text)}
    </p>
  );
};

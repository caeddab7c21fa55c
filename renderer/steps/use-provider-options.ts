import { useEffect, useState } from 'react';
import type { ProviderOption, ProviderOptions } from '../../shared/contract/provider-options';
import type { MethodName } from '../../shared/contract/method-names';
import type { ErrorCode } from '../../shared/errors/codes';
import { useApp } from '../store/context';

// The provider's values for a field (Data Center projects and repositories, Jira projects and
// issue types), asked quietly in the background: no busy line, no kept failure, nothing blocks
// typing. A newer ask supersedes an older one; an answer that arrives late is dropped.

/** The contract's provider-list methods, by their names (shared/contract/provider-options.ts). */
type OptionMethod = Extract<MethodName, `options.${string}`>;

export type OptionsState =
  | { readonly status: 'off' }
  | { readonly status: 'loading' }
  | ({ readonly status: 'ready' } & ProviderOptions)
  | { readonly status: 'failed'; readonly code: ErrorCode; readonly message: string };

/** How long typing must pause before a list that depends on the typed value is asked for. */
export const OPTIONS_DEBOUNCE_MS = 350;

/**
 * The options of `method` for `input`; `null` input: none asked (the credential has not worked
 * yet, or the value the list depends on is empty). `debounce` waits for typing to pause.
 */
export const useProviderOptions = (method: OptionMethod, input: { target_id: string; project_key?: string } | null, debounce = false): OptionsState => {
  const query = useApp((s) => s.query);
  const key = input === null ? null : JSON.stringify(input);
  // The last answer, with the ask it answers: one for another ask reads as still loading.
  const [answer, setAnswer] = useState<{ readonly key: string; readonly state: OptionsState } | null>(null);
  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    const ask = async () => {
      const r = await query(method, JSON.parse(key) as { target_id: string; project_key: string });
      if (!live) return;
      setAnswer({ key, state: r.ok ? { status: 'ready', ...r.value } : { status: 'failed', code: r.error.code, message: r.error.message } });
    };
    const timer = setTimeout(() => void ask(), debounce ? OPTIONS_DEBOUNCE_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [method, key, debounce, query]);
  const state: OptionsState = key === null ? { status: 'off' } : answer?.key === key ? answer.state : { status: 'loading' };
  return state;
};

/** What a field suggests: the answered options, none while loading, failed or off. */
export const suggestionsOf = (state: OptionsState): readonly ProviderOption[] => (state.status === 'ready' ? state.items : []);

import { useCallback } from 'react';
import { useApp } from '../store/context';
import { redactText } from './redact';
import { sensitiveNamesOf } from './sensitive-names';

/** A function that masks text when safe mode is on and returns it unchanged otherwise. */
export const useMask = (): ((text: string) => string) => {
  const safeMode = useApp((s) => s.safeMode);
  const record = useApp((s) => s.record);
  const targets = useApp((s) => s.targets);
  return useCallback(
    (text: string) => {
      if (!safeMode) return text;
      const records = record === null ? targets : [record, ...targets];
      const names = records.flatMap((r) => sensitiveNamesOf(r.target, r.checks));
      return redactText(text, names);
    },
    [safeMode, record, targets],
  );
};

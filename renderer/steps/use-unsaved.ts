import { useEffect } from 'react';
import type { StepId } from '../../shared/domain/step-ids';
import { useApp } from '../store/context';

/**
 * Tells the store which fields of `step` differ from the saved target (`changed`: field label →
 * edited). The store holds Next and every later step while any is unsaved; leaving the step
 * discards the edits, and the mark with them. Answers the unsaved field labels, in order.
 */
export const useUnsaved = (step: StepId, changed: Readonly<Record<string, boolean>>): readonly string[] => {
  const markUnsaved = useApp((s) => s.markUnsaved);
  const fields = Object.entries(changed)
    .filter(([, edited]) => edited)
    .map(([label]) => label);
  const key = fields.join('\n');
  useEffect(() => {
    markUnsaved(step, key === '' ? [] : key.split('\n'));
  }, [markUnsaved, step, key]);
  useEffect(() => () => markUnsaved(step, []), [markUnsaved, step]);
  return fields;
};

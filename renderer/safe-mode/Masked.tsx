import { useApp } from '../store/context';
import { MASK } from './redact';
import { useMask } from './use-mask';

/**
 * Text that may identify the customer: masked while screen-share safe mode is on. `whole` hides
 * the entire value (a person's name, an identity) rather than only the hosts and names found in it.
 */
export const Masked = ({ text, whole = false }: { readonly text: string; readonly whole?: boolean }) => {
  const mask = useMask();
  const safeMode = useApp((s) => s.safeMode);
  if (whole && safeMode) return <>{MASK}</>;
  return <>{mask(text)}</>;
};

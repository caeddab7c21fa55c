import { useMask } from './use-mask';

/** Text that may identify the customer: shown masked while screen-share safe mode is on. */
export const Masked = ({ text }: { readonly text: string }) => {
  const mask = useMask();
  return <>{mask(text)}</>;
};

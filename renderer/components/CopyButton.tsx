import { useState } from 'react';

/** Copies plain text to the clipboard and says so; the label names what is copied. */
export const CopyButton = ({ text, label, idleText = 'Copy' }: { readonly text: string; readonly label: string; readonly idleText?: string }) => {
  const [done, setDone] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      setDone('failed');
    }
  };
  return (
    <button type="button" className="button-small" onClick={() => void copy()} aria-label={idleText === 'Copy' ? label : undefined}>
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : idleText}
    </button>
  );
};

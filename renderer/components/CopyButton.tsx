import { useEffect, useState } from 'react';

/** How long "Copied" (or "Copy failed") shows before the button reads as before. */
export const COPIED_MS = 3000;

/**
 * Copies plain text to the clipboard and says so; the label names what is copied. `text` may be
 * built on the click (a function), so what only a click needs stays out of the first screen's code.
 */
export const CopyButton = ({ text, label, idleText = 'Copy' }: { readonly text: string | (() => Promise<string>); readonly label: string; readonly idleText?: string }) => {
  const [done, setDone] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (done === 'idle') return undefined;
    const timer = setTimeout(() => setDone('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [done]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'string' ? text : await text());
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

import { useState } from 'react';
import type { UrlProbeResult } from '../../../shared/contract';
import { useApp } from '../../store/context';
import { isRunning } from '../../store/state';

/** Runs the URL-safety check and probe of the saved target and keeps the live stage report; the store keeps the answered record. */
export const useUrlCheck = (targetId: string) => {
  const run = useApp((s) => s.run);
  const running = useApp((s) => isRunning(s, 'url.checkTarget'));
  const [probe, setProbe] = useState<UrlProbeResult | null>(null);
  const check = async () => {
    setProbe(null);
    const result = await run('url.checkTarget', { target_id: targetId }, 'Checking the base URL and probing the API root');
    if (result === null) return;
    setProbe(result.probe ?? null);
  };
  return { probe, running, check };
};
export type UrlCheck = ReturnType<typeof useUrlCheck>;

import { useState } from 'react';
import type { UrlProbeResult } from '../../../shared/contract';
import { useApp } from '../../store/context';

/** Runs the URL-safety check and probe of the saved target and keeps the live stage report. */
export const useUrlCheck = (targetId: string) => {
  const client = useApp((s) => s.client);
  const run = useApp((s) => s.run);
  const reloadRecord = useApp((s) => s.reloadRecord);
  const busy = useApp((s) => s.busy);
  const [probe, setProbe] = useState<UrlProbeResult | null>(null);
  const [started, setStarted] = useState(false);
  const check = async () => {
    setStarted(true);
    setProbe(null);
    const result = await run('Checking the base URL and probing the API root', () => client['url.checkTarget']({ target_id: targetId }));
    setStarted(false);
    if (result === null) return;
    setProbe(result.probe ?? null);
    await reloadRecord();
  };
  return { probe, running: started && busy !== null, check };
};
export type UrlCheck = ReturnType<typeof useUrlCheck>;

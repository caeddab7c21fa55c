import { useEffect, useState } from 'react';
import type { CheckFinding } from '../../../shared/contract';
import { retryAtOf } from '../../../shared/domain/checks';

const mmss = (ms: number): string => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** "Retry in 9:42 (at 08:10 UTC)", counting down to the time a rate-limited provider named; "Retry now" once it passed. */
export const RateLimitCountdown = ({ finding, now = () => Date.now() }: { readonly finding: CheckFinding; readonly now?: () => number }) => {
  const retryAt = retryAtOf(finding.evidence);
  const at = retryAt === undefined ? Number.NaN : Date.parse(retryAt);
  const [left, setLeft] = useState(() => at - now());
  useEffect(() => {
    if (Number.isNaN(at)) return undefined;
    const timer = setInterval(() => setLeft(at - now()), 1000);
    return () => clearInterval(timer);
  }, [at, now]);
  if (finding.code !== 'PROVIDER_RATE_LIMITED' || Number.isNaN(at)) return null;
  const when = new Date(at).toISOString().slice(11, 16);
  return (
    <p className="rate-limit-countdown" role="timer" data-retry-at={retryAt}>
      {left > 0 ? `Rate limited: retry in ${mmss(left)} (at ${when} UTC).` : `Rate limited until ${when} UTC: you can run the checks again now.`}
    </p>
  );
};

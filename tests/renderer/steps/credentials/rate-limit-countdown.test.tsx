// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckFinding } from '../../../../shared/contract';
import { RateLimitCountdown } from '../../../../renderer/steps/credentials/RateLimitCountdown';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const limited = (evidence: Record<string, unknown>): CheckFinding => ({
  id: 'auth',
  title: 'Credential',
  verdict: 'fail',
  code: 'PROVIDER_RATE_LIMITED',
  detail: 'The provider is rate limiting requests (HTTP 429).',
  evidence,
});

describe('rate-limit countdown', () => {
  it('counts down to the time the provider named, then says the checks may run again', () => {
    vi.useFakeTimers();
    let t = Date.parse('2026-11-29T08:00:00.000Z');
    render(<RateLimitCountdown finding={limited({ retry_at: '2026-11-29T08:01:30.000Z' })} now={() => t} />);
    expect(screen.getByRole('timer').textContent).toBe('Rate limited: retry in 1:30 (at 08:01 UTC).');
    t += 61_000;
    act(() => void vi.advanceTimersByTime(1000));
    expect(screen.getByRole('timer').textContent).toBe('Rate limited: retry in 0:29 (at 08:01 UTC).');
    t += 30_000;
    act(() => void vi.advanceTimersByTime(1000));
    expect(screen.getByRole('timer').textContent).toBe('Rate limited until 08:01 UTC: you can run the checks again now.');
  });

  it.each([
    ['no retry_at (Cloud named no time)', limited({})],
    ['a retry_at that is not a timestamp', limited({ retry_at: 'soon' })],
    ['another code', { ...limited({ retry_at: '2026-11-29T08:01:30.000Z' }), code: 'PROVIDER_UNAVAILABLE' as const }],
  ])('shows nothing for %s', (_n, finding) => {
    render(<RateLimitCountdown finding={finding} />);
    expect(screen.queryByRole('timer')).toBeNull();
  });
});

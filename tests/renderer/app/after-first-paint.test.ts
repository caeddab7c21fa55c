// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, FIRST_PAINT_FALLBACK_MS } from '../../../renderer/app/after-first-paint';

// When the work after the first screen starts. Chromium proves the real order (no lazy chunk or
// call before the first contentful paint: tests/e2e/first-screen-order.spec.ts); this covers the
// paths Chromium does not take in that test: a dark page's first-paint entry, a hidden window,
// a paint that never comes, an engine without paint timing.

type Listener = (list: { getEntriesByName: (name: string) => unknown[] }) => void;

/** A PerformanceObserver whose paint entries the test hands out. */
const fakePaintTiming = () => {
  const observers: Listener[] = [];
  let disconnected = 0;
  class FakeObserver {
    static readonly supportedEntryTypes = ['paint', 'resource'];
    constructor(private readonly listener: Listener) {}
    observe(): void {
      observers.push(this.listener);
    }
    disconnect(): void {
      disconnected += 1;
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return {
    report: (...names: string[]) => {
      for (const listener of observers) listener({ getEntriesByName: (name) => (names.includes(name) ? [{ name }] : []) });
    },
    disconnected: () => disconnected,
  };
};

const setVisibility = (state: 'hidden' | 'visible'): void => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
};

beforeEach(() => {
  vi.useFakeTimers();
  setVisibility('visible');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterFirstPaint', () => {
  it('runs once the first contentful paint is reported, once, and stops listening', () => {
    const paint = fakePaintTiming();
    const run = vi.fn();
    afterFirstPaint(run);
    vi.advanceTimersByTime(FIRST_PAINT_FALLBACK_MS - 1);
    expect(run).not.toHaveBeenCalled();
    paint.report('first-paint', 'first-contentful-paint');
    expect(run).toHaveBeenCalledTimes(1);
    expect(paint.disconnected()).toBe(1);
    paint.report('first-contentful-paint');
    vi.advanceTimersByTime(FIRST_PAINT_FALLBACK_MS * 2);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("does not take first-paint for it (a dark page's background paints before React renders)", () => {
    const paint = fakePaintTiming();
    const run = vi.fn();
    afterFirstPaint(run);
    paint.report('first-paint');
    expect(run).not.toHaveBeenCalled();
  });

  it('starts anyway when no paint is reported within the fallback', () => {
    fakePaintTiming();
    const run = vi.fn();
    afterFirstPaint(run, 300);
    vi.advanceTimersByTime(299);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('a window hidden until its first frame is ready (ready-to-show) starts a frame after it is shown', () => {
    fakePaintTiming();
    setVisibility('hidden');
    const run = vi.fn();
    afterFirstPaint(run);
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
    setVisibility('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50); // the next frame, then the task after it
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(FIRST_PAINT_FALLBACK_MS);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('without paint timing, starts after the next frame', () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const run = vi.fn();
    afterFirstPaint(run);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

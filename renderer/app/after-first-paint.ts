// The work that follows the first screen (the lazy screens, the first call and the schemas it
// loads) waits until that screen has been painted, not merely committed: after React's commit,
// the frame still has to be rastered and presented, and on a two-core machine five chunk
// downloads and parses started at the commit competed with that raster (docs/performance.md).
// The browser reports the first presented frame with content as the `first-contentful-paint`
// entry (not `first-paint`, which a dark page's background alone can trigger before React has
// rendered). A page that was hidden before it painted reports none: the desktop shell shows its
// window only once the first frame is ready (ready-to-show), so a hidden page starts the work
// once it is shown and one more frame has gone; the fallback timer covers a page that is never
// shown or never painted.

/** How long the work waits for a paint that does not come (a window never shown). */
export const FIRST_PAINT_FALLBACK_MS = 1000;

/** Runs `run` once: when the page's first contentful paint is reported, or after `fallbackMs` at the latest. */
export const afterFirstPaint = (run: () => void, fallbackMs: number = FIRST_PAINT_FALLBACK_MS): void => {
  let done = false;
  const cleanups: Array<() => void> = [];
  const once = (): void => {
    if (done) return;
    done = true;
    for (const cleanup of cleanups) cleanup();
    run();
  };
  const timer = setTimeout(once, fallbackMs);
  cleanups.push(() => clearTimeout(timer));
  const afterNextFrame = (): void => {
    requestAnimationFrame(() => setTimeout(once, 0));
  };
  if (document.visibilityState === 'hidden') {
    const onShown = (): void => {
      if (document.visibilityState === 'visible') afterNextFrame();
    };
    document.addEventListener('visibilitychange', onShown);
    cleanups.push(() => document.removeEventListener('visibilitychange', onShown));
  }
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes.includes('paint')) {
    // No paint timing (an old engine, a test DOM): the frame after this one has been painted.
    afterNextFrame();
    return;
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) once();
  });
  observer.observe({ type: 'paint', buffered: true });
  cleanups.push(() => observer.disconnect());
};

// Renderer tests render the app shell, whose screens are lazy chunks: on a loaded machine the first
// import of a chunk (transformed on demand by vitest) can take longer than testing-library's 1 s
// default for findBy*/waitFor, which then fails a correct screen. The wait is longer, not the
// assertion weaker: a screen that never appears still fails, after 10 s.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 10_000 });
}
export {};

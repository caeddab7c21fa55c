// What the specs need from the Node side, loaded together through Vite's SSR loader.
export { startBrowserMode } from './start-browser-mode';
export { makeReviewBundles } from './make-bundles';

import { buildRendererIfStale } from './build-renderer';

/** Playwright global setup: the specs serve out/renderer, so make sure it is built and fresh. */
// eslint-disable-next-line no-restricted-exports -- Playwright loads globalSetup through its default export.
export default async function globalSetup(): Promise<void> {
  await buildRendererIfStale();
}

import { APP_ORIGINS, isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

// Decisions as data, so the tests can walk a table of URLs through the same functions the
// window's event handlers call.

export type NavigationDecision = 'allow' | 'deny';

/** `will-navigate`, `will-redirect`, `will-frame-navigate`: only the app's own origin. */
export const decideNavigation = (url: string, origins: readonly string[] = APP_ORIGINS): NavigationDecision =>
  isAppUrl(url, origins) ? 'allow' : 'deny';

export interface WindowOpenDecision {
  /** Never a new Electron window. */
  readonly action: 'deny';
  /** Hand the URL to the system browser (documentation links only). */
  readonly openExternally: boolean;
}

/** `setWindowOpenHandler`: deny every new window; allowlisted docs go to the system browser. */
export const decideWindowOpen = (url: string): WindowOpenDecision => ({
  action: 'deny',
  openExternally: isAllowedExternalUrl(url),
});

import type { WebContents } from 'electron';
import { APP_ORIGINS } from './app-origin';
import { decideNavigation, decideWindowOpen } from './navigation-policy';

/** The parts of a WebContents the guard touches; tests pass an EventEmitter with the same shape. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface ContentsGuardOptions {
  /** Opens a documentation link in the system browser (open-external.ts checks the allowlist again). */
  readonly openDocs: (url: string) => Promise<boolean>;
  readonly origins?: readonly string[];
  /** Told about every blocked attempt, for the log. Never given anything but the URL's origin. */
  readonly onBlocked?: (what: string, origin: string) => void;
}

const safeOrigin = (url: string): string => {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? url.split(':')[0] + ':' : origin;
  } catch {
    return '(unparsable)';
  }
};

/**
 * Locks a window's contents to the app: navigation and redirects stay on the app's origin,
 * new windows are never created (allowlisted documentation opens in the system browser), and
 * <webview> cannot be attached.
 */
export const guardWebContents = (contents: GuardedContents, options: ContentsGuardOptions): void => {
  const origins = options.origins ?? APP_ORIGINS;
  const blocked = options.onBlocked ?? (() => undefined);
  const lock = (what: string) => (event: { preventDefault: () => void; url: string }) => {
    if (decideNavigation(event.url, origins) === 'deny') {
      event.preventDefault();
      blocked(what, safeOrigin(event.url));
    }
  };
  contents.on('will-navigate', lock('navigation'));
  contents.on('will-frame-navigate', lock('frame navigation'));
  contents.on('will-redirect', lock('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    blocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) {
      options.openDocs(url).catch(() => blocked('external open failed', safeOrigin(url)));
    } else {
      blocked('window.open', safeOrigin(url));
    }
    return { action: decision.action };
  });
};

import type { Session } from 'electron';

/** The parts of a Session the guard touches. */
export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * The app needs no browser permission at all: no camera, microphone, notifications, geolocation,
 * clipboard reads, devices or external-protocol opens from the page. Every request and every
 * check is denied.
 */
export const guardSession = (session: GuardedSession, onDenied: (permission: string) => void = () => undefined): void => {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    onDenied(permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
};

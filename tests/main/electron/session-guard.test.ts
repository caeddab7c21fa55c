import { describe, expect, it } from 'vitest';
import { guardSession, type GuardedSession } from '../../../main/electron/session-guard';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (...args: unknown[]) => boolean;

const fakeSession = () => {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: CheckHandler } = {};
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (handlers.check = h),
    setDevicePermissionHandler: (h: CheckHandler) => (handlers.device = h),
  };
  return { session: session as unknown as GuardedSession, handlers };
};

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture', 'fullscreen', 'unknown'];

describe('guardSession', () => {
  it.each(PERMISSIONS)('denies the %s request', (permission) => {
    const { session, handlers } = fakeSession();
    const denied: string[] = [];
    guardSession(session, (p) => denied.push(p));
    let answer: boolean | null = null;
    handlers.request?.({}, permission, (granted) => (answer = granted), {});
    expect(answer).toBe(false);
    expect(denied).toEqual([permission]);
  });

  it('answers every permission and device check with false', () => {
    const { session, handlers } = fakeSession();
    guardSession(session);
    for (const p of PERMISSIONS) expect(handlers.check?.({}, p, 'app://bundle', {})).toBe(false);
    expect(handlers.device?.({ deviceType: 'usb', origin: 'app://bundle' })).toBe(false);
  });
});

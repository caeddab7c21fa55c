import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { secretIndex } from './request-guards';

/** How long a launch code stays usable when nobody redeems it. */
export const LAUNCH_CODE_TTL_MS = 10 * 60_000;

/** Launch codes and session ids alike: 256 random bits as 64 lowercase hex digits. */
const Secret = z.string().regex(/^[0-9a-f]{64}$/);
const newSecret = (): string => randomBytes(32).toString('hex');

/**
 * The session cookie's name carries the port: cookies are shared by every port of a host, so two
 * launches on different ports must not overwrite each other's session.
 */
export const sessionCookieName = (port: number): string => `bts_session_${port}`;

export interface SessionGateOptions {
  readonly codeTtlMs?: number;
  /** The clock, for tests of expiry. */
  readonly now?: () => number;
}

export interface SessionGate {
  /** A fresh one-time launch code; `onRedeemed` runs once, when it is exchanged. */
  issueCode(onRedeemed?: () => void): string;
  /**
   * Exchanges a live launch code for a new session id. The code dies on first use; an unknown,
   * spent, expired or malformed code answers null.
   */
  redeem(presented: unknown): string | null;
  /** Whether one of the presented cookie values is a session of this launch. */
  admits(presented: readonly string[]): boolean;
  /**
   * Which session of this launch the presented cookie values hold (`session-N`, never the secret),
   * or null: the owner of that session's calls and progress events.
   */
  sessionOf(presented: readonly string[]): string | null;
}

interface PendingCode {
  readonly code: string;
  readonly expiresAt: number;
  readonly onRedeemed: () => void;
}

/**
 * Browser mode's access control: nothing but a session id (held in an HttpOnly cookie) opens the
 * API, and the only way to get one is to redeem a one-time launch code handed to the user's own
 * browser through a private file or the user's own terminal.
 */
export const createSessionGate = ({ codeTtlMs = LAUNCH_CODE_TTL_MS, now = Date.now }: SessionGateOptions = {}): SessionGate => {
  let pending: PendingCode[] = [];
  const sessions: string[] = [];
  return {
    issueCode: (onRedeemed = () => undefined) => {
      const code = newSecret();
      pending.push({ code, expiresAt: now() + codeTtlMs, onRedeemed });
      return code;
    },
    redeem: (presented) => {
      const at = now();
      pending = pending.filter((p) => p.expiresAt > at);
      const parsed = Secret.safeParse(presented);
      if (!parsed.success) return null;
      const index = secretIndex(parsed.data, pending.map((p) => p.code));
      const spent = pending[index];
      if (spent === undefined) return null;
      pending = pending.filter((p) => p !== spent);
      const session = newSecret();
      sessions.push(session);
      spent.onRedeemed();
      return session;
    },
    admits: (presented) => presented.some((value) => Secret.safeParse(value).success && secretIndex(value, sessions) >= 0),
    sessionOf: (presented) => {
      for (const value of presented) {
        const index = Secret.safeParse(value).success ? secretIndex(value, sessions) : -1;
        if (index >= 0) return `session-${index}`;
      }
      return null;
    },
  };
};

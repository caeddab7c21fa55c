// The limits every safe request runs under. Each breach ends in a coded verdict
// (`timeout`, `too_large`), never a hang.

export interface NetLimits {
  readonly connectMs: number;
  readonly headersMs: number;
  /** Longest silence between two body chunks. */
  readonly bodyIdleMs: number;
  /** The whole check, redirects included. */
  readonly overallMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

export const DEFAULT_LIMITS: NetLimits = {
  connectMs: 5_000,
  headersMs: 10_000,
  bodyIdleMs: 15_000,
  overallMs: 30_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
};

export const withLimits = (overrides: Partial<NetLimits> = {}): NetLimits => ({ ...DEFAULT_LIMITS, ...overrides });

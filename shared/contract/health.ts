import { z } from 'zod';
import { AppInfo } from './app';
import { method, NoInput } from './define';

/**
 * Where secrets go this run: the OS keychain, or a throw-away keyring in a private D-Bus session
 * started for this run (`serve --private-keyring`), whose credentials are gone when the run ends.
 */
export const KeyringKind = z.enum(['os_keychain', 'private_session']);
export type KeyringKind = z.infer<typeof KeyringKind>;

export const KeychainHealth = z.object({
  /** available: an entry was written, read back and deleted; unavailable: no Secret Service, locked, or refused. */
  status: z.enum(['available', 'unavailable']),
  store: KeyringKind,
  /** Why it is unavailable, in a sentence (never the library's raw text). */
  reason: z.string().optional(),
});
export type KeychainHealth = z.infer<typeof KeychainHealth>;

/** A proxy variable as the app reads it; `origin` is scheme://host:port, never a user name or password. */
export const ProxyVariable = z.object({ variable: z.string(), origin: z.string() });

export const HealthReport = z.object({
  /** True when nothing on this machine stops the wizard: the keychain works and the proxy settings can be used. */
  healthy: z.boolean(),
  keychain: KeychainHealth,
  /** present / absent (made on the first export) / unknown (the keychain cannot be asked). */
  signing_key: z.enum(['present', 'absent', 'unknown']),
  mode: AppInfo.shape.mode,
  platform: z.string(),
  proxy: z.object({
    /** The proxy every HTTPS call takes (HTTPS_PROXY, else https_proxy); null = direct connections. */
    https: ProxyVariable.nullable(),
    /** The NO_PROXY (else no_proxy) entries: hosts reached directly, bypassing the proxy. */
    no_proxy: z.object({ variable: z.string(), entries: z.array(z.string()) }).nullable(),
    /** Proxy variables set but not used by this app (every call it makes is HTTPS). */
    ignored: z.array(z.string()),
    /**
     * Why the proxy settings cannot be used (PROXY_CONFIG_INVALID: every check would answer it),
     * naming the variable; absent when they can. Never the variable's value (it may carry a password).
     */
    problem: z.object({ code: z.literal('PROXY_CONFIG_INVALID'), variable: z.string(), message: z.string() }).optional(),
  }),
  runtime: AppInfo.shape.runtime,
});
export type HealthReport = z.infer<typeof HealthReport>;

export { PRIVATE_KEYRING_NOTE } from './health-notes';

export const healthMethods = {
  'health.report': method(NoInput, HealthReport, 'This machine as the app sees it: keychain, signing key, mode, proxy variables, runtime versions.'),
};

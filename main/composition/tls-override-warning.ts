import type { Logger } from '../services/logging/logger';

// NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment turns off certificate checks for every TLS
// connection that leaves `rejectUnauthorized` unset. Every TLS path in this app sets it to true, so
// the variable changes nothing here; the composition roots still say so at start-up, because the
// variable usually means someone tried to get past a certificate problem and should know it failed.

export const TLS_OVERRIDE_VARIABLE = 'NODE_TLS_REJECT_UNAUTHORIZED';

export const TLS_OVERRIDE_NOTE =
  `${TLS_OVERRIDE_VARIABLE} is set: this app ignores it and always verifies certificates. ` +
  'To trust a private or TLS-inspecting CA, give its certificate as the CA file instead.';

export interface TlsOverrideSinks {
  /** A line for a person (the CLI's stderr). */
  readonly note?: (line: string) => void;
  readonly logger?: Pick<Logger, 'warn'>;
}

/** Warns (note + log) when the variable is present with any value; answers whether it warned. */
export const warnIfTlsOverrideSet = (env: Readonly<Record<string, string | undefined>>, sinks: TlsOverrideSinks): boolean => {
  const value = env[TLS_OVERRIDE_VARIABLE];
  if (value === undefined) return false;
  sinks.note?.(`warning: ${TLS_OVERRIDE_NOTE}`);
  sinks.logger?.warn('TLS verification override ignored', { variable: TLS_OVERRIDE_VARIABLE, value: value.slice(0, 8) });
  return true;
};

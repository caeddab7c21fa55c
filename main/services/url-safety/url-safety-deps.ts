import type { NetLimits } from '../net/limits';
import type { ProxyEnv } from '../net/proxy-env';
import type { Resolver } from './resolver';

/** What the URL-safety handlers need from a composition root. */
export interface UrlSafetyDeps {
  readonly resolver: Resolver;
  /** HTTPS_PROXY / NO_PROXY (process.env in the app and the CLI). */
  readonly env?: ProxyEnv;
  readonly limits?: Partial<NetLimits>;
  /** Test-only: addresses treated as permitted (AddressPolicy.permit_cidrs). Never set in production. */
  readonly permitCidrs?: readonly string[];
}

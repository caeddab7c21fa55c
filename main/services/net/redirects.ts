import type { RedirectHop } from '../../../shared/domain/checks';
import { resolveTarget, type CheckOptions, type ResolvedTarget } from '../url-safety/check-url';

// Stage 6: a redirect is judged by hand before anything is sent to it. At most `maxRedirects`
// hops; https never downgrades; every hop runs stages 1–4 again (stage 5 runs when it is
// fetched); a hop to another origin is reported with the new URL and blocked, so credentials
// never cross an origin; a loop is blocked.

export type HopDecision =
  | { readonly follow: true; readonly hop: RedirectHop; readonly next: ResolvedTarget; readonly url: string }
  | { readonly follow: false; readonly hop: RedirectHop };

export interface HopContext {
  readonly from: string;
  readonly status: number;
  readonly location: string | undefined;
  readonly hopsSoFar: number;
  readonly maxRedirects: number;
  readonly visited: ReadonlySet<string>;
  readonly check: CheckOptions;
}

const blocked = (from: string, to: string, status: number, reason: string): HopDecision => ({
  follow: false,
  hop: { from, to, status, verdict: 'blocked', reason },
});

export const isRedirect = (status: number): boolean => [301, 302, 303, 307, 308].includes(status);

export const judgeRedirect = async (c: HopContext): Promise<HopDecision> => {
  if (c.location === undefined || c.location === '') return blocked(c.from, '', c.status, 'redirect without a Location header');
  let to: URL;
  try {
    to = new URL(c.location, c.from);
  } catch {
    return blocked(c.from, c.location, c.status, 'unparseable Location header');
  }
  const href = to.href;
  if (c.hopsSoFar >= c.maxRedirects) return blocked(c.from, href, c.status, `more than ${c.maxRedirects} redirects`);
  if (to.protocol !== 'https:') return blocked(c.from, href, c.status, `downgrade from https to ${to.protocol}`);
  const next = await resolveTarget(href, c.check);
  if (next.verdict.verdict !== 'allow' || next.target === null) {
    return blocked(c.from, href, c.status, `${next.verdict.reason ?? 'syntax'}: ${next.verdict.detail ?? 'blocked'}`);
  }
  if (to.origin !== new URL(c.from).origin) {
    return blocked(c.from, href, c.status, `cross-origin redirect to ${href}: adopt the new URL to continue`);
  }
  if (c.visited.has(href)) return blocked(c.from, href, c.status, 'redirect loop');
  return { follow: true, hop: { from: c.from, to: href, status: c.status, verdict: 'followed' }, next, url: href };
};

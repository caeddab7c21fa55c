import type { RadarBasis, RadarEntry, RadarItem, RadarItemKind, RadarStatus } from './radar';

// Judging the radar's dated entries against a clock and a window, and what to do about each:
// zod-free (type imports only), so the status screen's badges judge in the first paint's code and
// the CLI, the bundle and the reviewer judge with the same lines.

export const RADAR_DEFAULT_WITHIN_DAYS = 30;

/** How a status reads in one word (the CLI, the support summary, the radar table). */
export const RADAR_STATUS_WORD: Readonly<Record<RadarStatus, string>> = { past: 'PAST', due: 'DUE', ok: 'ok', unknown: '?' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day (UTC) of an ISO timestamp or date. */
export const dayOf = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** Whole days from `now`'s day to `date` (both UTC calendar days). */
export const daysUntil = (date: string, now: Date): number =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)) / DAY_MS);

export const statusOf = (date: string | null, now: Date, withinDays: number): { status: RadarStatus; days_left: number | null } => {
  if (date === null) return { status: 'unknown', days_left: null };
  const days = daysUntil(date, now);
  return { status: days < 0 ? 'past' : days <= withinDays ? 'due' : 'ok', days_left: days };
};

export const isDue = (item: RadarItem): boolean => item.status === 'due' || item.status === 'past';

/** Earliest first; undated items last. */
export const sortRadar = (items: readonly RadarItem[]): RadarItem[] =>
  [...items].sort((a, b) => (a.date ?? '9999-12-31').localeCompare(b.date ?? '9999-12-31') || a.scope.localeCompare(b.scope));

type Advice = Readonly<Record<RadarStatus, string>>;

const CERTIFICATE: Advice = {
  past: 'The host certificate has expired: ask the Bitbucket administrators to install a renewed one, then run the probe again.',
  due: 'Ask the Bitbucket administrators to renew the host certificate before this date, then run the probe again and re-export the bundle (its fingerprint changes).',
  ok: 'Nothing to do yet; the probe will show the renewed certificate.',
  unknown: 'Run the probe (Target step, or bitbucket-target probe) so the certificate and its expiry are recorded.',
};

const ADVICE: Readonly<Record<Exclude<RadarItemKind, 'credential'>, Advice>> = {
  certificate: CERTIFICATE,
  ca: {
    past: 'The corporate CA has expired: get the renewed CA certificate from the PKI team and choose it again on the Target step (--ca FILE).',
    due: 'Get the renewed corporate CA certificate from the PKI team and choose it on the Target step (--ca FILE) before this date.',
    ok: 'Nothing to do yet.',
    unknown: 'Choose the corporate CA again on the Target step so its expiry is known.',
  },
  oauth_refresh: {
    past: 'The refresh token has lapsed: sign in with OAuth again (Credentials step, Connect).',
    due: 'Run the checks before this date (the access token will have expired, so the run uses the refresh token and gets a new one), or sign in with OAuth again.',
    ok: 'Nothing to do yet; a check run that refreshes the access token renews it.',
    unknown: 'Sign in with OAuth again so the refresh token is recorded.',
  },
  bundle: {
    past: 'The bundle has expired: export a new one (Export step, or bitbucket-target bundle export) and send it to WebRiskOps.',
    due: 'Export a new bundle before this date and send it to WebRiskOps.',
    ok: 'Nothing to do yet.',
    unknown: 'Export a bundle.',
  },
  release_support: {
    past: "This feature release is past Atlassian's end of support: ask the Bitbucket administrators to upgrade to a supported release.",
    due: 'Ask the Bitbucket administrators to plan an upgrade to a newer feature release before this date.',
    ok: 'Nothing to do yet.',
    // Undated: the version was not read yet, or it is not in this app's table.
    unknown: "Run the probe so the version is read from the API root; for a version this app does not know, see Atlassian's End of Life Policy for its end-of-support date.",
  },
  platform_end_of_life: {
    past: 'Data Center has reached its end of life: move the repositories to Bitbucket Cloud and set up a Cloud target.',
    due: 'Finish the move to Bitbucket Cloud before this date and set up a Cloud target.',
    ok: 'Plan the move to Bitbucket Cloud before this date.',
    unknown: 'Plan the move to Bitbucket Cloud.',
  },
};

const credentialAdvice = (basis: RadarBasis): Advice => ({
  past: 'The credential has expired: create a new token and store it (Credentials step), then run the checks again.',
  due: 'Create a new token before this date and store it with its expiry date (Credentials step), then run the checks again.',
  ok: basis === 'assumed' ? 'Nothing to do yet; enter the real expiry date when you next store the token, so the radar need not assume.' : 'Nothing to do yet.',
  unknown:
    basis === 'read'
      ? 'Bitbucket reports no expiry for this token: nothing to do, unless your policy asks for tokens that expire.'
      : 'No expiry date is known: store the token again with the expiry date shown where it was created.',
});

/** What to do about an entry in a status: one table per kind (the credential's depends on how its date is known). */
export const adviceFor = (kind: RadarItemKind, basis: RadarBasis, status: RadarStatus): string =>
  (kind === 'credential' ? credentialAdvice(basis) : ADVICE[kind])[status];

/** Entries judged against `now` and the window: due, past, ok or unknown, each with what to do. */
export const judgeRadar = (entries: readonly RadarEntry[], scope: string, now: Date, withinDays: number): RadarItem[] =>
  sortRadar(
    entries.map((e) => {
      const s = statusOf(e.date, now, withinDays);
      return { kind: e.kind, scope, subject: e.subject, date: e.date, basis: e.basis, ...s, action: adviceFor(e.kind, e.basis, s.status) };
    }),
  );

import type { TlsEvidence } from './checks';
import { OAUTH_REFRESH_RULE_SINCE, OAUTH_REFRESH_UNUSED_MONTHS, type CredentialExpiry, type CredentialMeta } from './credential-meta';
import { DATA_CENTER_END_OF_LIFE, DATA_CENTER_NEW_SALES_ENDED, featureReleaseOf, findDataCenterRelease } from './dc-releases';
import { dayOf, sortRadar, statusOf, type RadarBasis, type RadarItem, type RadarItemKind } from './radar';

// Facts about one target (from a saved target, a probe or a bundle) → its radar items. Pure, so
// the CLI, the status cards and the bundle all list the same items with the same advice.

export interface RadarCa {
  readonly subject: string;
  readonly fingerprint_sha256: string;
  readonly not_after: string;
}

export interface RadarFacts {
  /** The target name or probed URL the items belong to. */
  readonly scope: string;
  readonly deployment: 'cloud' | 'self-hosted';
  /** The host's certificate as the last probe saw it; undefined: not probed. */
  readonly tls?: TlsEvidence;
  readonly ca?: readonly RadarCa[];
  /** `bitbucket_refresh.stored_at`: when the refresh token was issued, i.e. when the previous one was last used. */
  readonly credentials?: CredentialMeta;
  readonly bundle_expires_at?: string;
  /** The Data Center version the API root reported. */
  readonly dc_version?: string;
}

type Advice = Readonly<Record<'past' | 'due' | 'ok' | 'unknown', string>>;

const item = (kind: RadarItemKind, scope: string, subject: string, date: string | null, basis: RadarBasis, now: Date, within: number, advice: Advice): RadarItem => {
  const s = statusOf(date, now, within);
  return { kind, scope, subject, date, basis, ...s, action: advice[s.status] };
};

export const addMonths = (iso: string, months: number): string => {
  const d = new Date(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
};

const certificateItems = (f: RadarFacts, now: Date, within: number): RadarItem[] => {
  if (f.deployment !== 'self-hosted') return [];
  const tls = f.tls;
  const cert =
    tls === undefined
      ? item('certificate', f.scope, 'TLS certificate of the host (not probed yet)', null, 'unknown', now, within, {
          past: '',
          due: '',
          ok: '',
          unknown: 'Run the probe (Target step, or bitbucket-target probe) so the certificate and its expiry are recorded.',
        })
      : item('certificate', f.scope, `TLS certificate ${tls.subject} (SHA-256 ${tls.fingerprint_sha256}, issuer ${tls.issuer})`, dayOf(tls.valid_to), 'observed', now, within, {
          past: 'The host certificate has expired: ask the Bitbucket administrators to install a renewed one, then run the probe again.',
          due: 'Ask the Bitbucket administrators to renew the host certificate before this date, then run the probe again and re-export the bundle (its fingerprint changes).',
          ok: 'Nothing to do yet; the probe will show the renewed certificate.',
          unknown: '',
        });
  const cas = (f.ca ?? []).map((ca) =>
    item('ca', f.scope, `Corporate CA ${ca.subject} (SHA-256 ${ca.fingerprint_sha256})`, dayOf(ca.not_after), 'observed', now, within, {
      past: 'The corporate CA has expired: get the renewed CA certificate from the PKI team and choose it again on the Target step (--ca FILE).',
      due: 'Get the renewed corporate CA certificate from the PKI team and choose it on the Target step (--ca FILE) before this date.',
      ok: 'Nothing to do yet.',
      unknown: '',
    }),
  );
  return [cert, ...cas];
};

const CREDENTIAL_LABEL: Readonly<Record<'bitbucket' | 'jira', string>> = { bitbucket: 'Bitbucket credential', jira: 'Jira credential' };

const credentialItem = (kind: 'bitbucket' | 'jira', e: CredentialExpiry, scope: string, now: Date, within: number): RadarItem => {
  const basis = e.basis === 'unknown' ? 'unknown' : e.basis;
  const how = e.basis === 'assumed' ? ' (assumed: stored date + 365 days, the longest an Atlassian API token lives)' : e.basis === 'given' ? ' (as entered when it was stored)' : '';
  return item('credential', scope, `${CREDENTIAL_LABEL[kind]} stored ${dayOf(e.stored_at)}${how}`, e.expires_on, basis, now, within, {
    past: 'The credential has expired: create a new token in Atlassian and store it (Credentials step), then run the checks again.',
    due: 'Create a new token before this date and store it with its expiry date (Credentials step), then run the checks again.',
    ok: e.basis === 'assumed' ? 'Nothing to do yet; enter the real expiry date when you next store the token, so the radar need not assume.' : 'Nothing to do yet.',
    unknown: 'No expiry date is known: store the token again with the expiry date shown where it was created.',
  });
};

/**
 * Bitbucket rotates refresh tokens and lets one lapse after 3 months unused
 * (https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003):
 * the current one was issued at `stored_at`, when the previous one was last used. A passed check
 * with a still-valid access token does not use it; access tokens live 2 hours, so a check run
 * after that refreshes, and the refresh is what is recorded.
 */
const oauthItem = (e: CredentialExpiry, scope: string, now: Date, within: number): RadarItem =>
  item('oauth_refresh', scope, `OAuth refresh token, last used ${dayOf(e.stored_at)} (expires after ${OAUTH_REFRESH_UNUSED_MONTHS} months unused, since ${OAUTH_REFRESH_RULE_SINCE})`, addMonths(e.stored_at, OAUTH_REFRESH_UNUSED_MONTHS), 'assumed', now, within, {
    past: 'The refresh token has lapsed: sign in with OAuth again (Credentials step, Connect).',
    due: 'Run the checks before this date (the access token will have expired, so the run uses the refresh token and gets a new one), or sign in with OAuth again.',
    ok: 'Nothing to do yet; a check run that refreshes the access token renews it.',
    unknown: '',
  });

const platformItems = (f: RadarFacts, now: Date, within: number): RadarItem[] => {
  if (f.deployment !== 'self-hosted') return [];
  const eol = item('platform_end_of_life', f.scope, `Atlassian Data Center end of life (new sales ended ${DATA_CENTER_NEW_SALES_ENDED})`, DATA_CENTER_END_OF_LIFE, 'published', now, within, {
    past: 'Data Center has reached its end of life: move the repositories to Bitbucket Cloud and set up a Cloud target.',
    due: 'Finish the move to Bitbucket Cloud before this date and set up a Cloud target.',
    ok: 'Plan the move to Bitbucket Cloud before this date.',
    unknown: '',
  });
  const version = f.dc_version;
  const release = version === undefined ? undefined : findDataCenterRelease(version);
  const subject =
    version === undefined
      ? 'Bitbucket Data Center feature release (version not known yet)'
      : release === undefined
        ? `Bitbucket Data Center ${version} (feature release ${featureReleaseOf(version) ?? 'unknown'}: no end-of-support date known here)`
        : `Bitbucket Data Center ${version} (feature release ${release.release}${release.lts === true ? ' LTS' : ''}, released ${release.released}, supported until ${release.end_of_support.slice(0, 7)})`;
  const support = item('release_support', f.scope, subject, release?.end_of_support ?? null, release === undefined ? 'unknown' : 'published', now, within, {
    past: "This feature release is past Atlassian's end of support: ask the Bitbucket administrators to upgrade to a supported release.",
    due: 'Ask the Bitbucket administrators to plan an upgrade to a newer feature release before this date.',
    ok: 'Nothing to do yet.',
    unknown:
      version === undefined
        ? 'Run the probe so the version is read from the API root.'
        : "See Atlassian's End of Life Policy for this release's end-of-support date.",
  });
  return [support, eol];
};

export const radarItemsFor = (f: RadarFacts, now: Date, withinDays: number): RadarItem[] => {
  const items: RadarItem[] = [...certificateItems(f, now, withinDays)];
  for (const kind of ['bitbucket', 'jira'] as const) {
    const e = f.credentials?.[kind];
    if (e !== undefined) items.push(credentialItem(kind, e, f.scope, now, withinDays));
  }
  const refresh = f.credentials?.bitbucket_refresh;
  if (refresh !== undefined) items.push(oauthItem(refresh, f.scope, now, withinDays));
  if (f.bundle_expires_at !== undefined) {
    items.push(
      item('bundle', f.scope, 'Signed bundle', dayOf(f.bundle_expires_at), 'observed', now, withinDays, {
        past: 'The bundle has expired: export a new one (Export step, or bitbucket-target bundle export) and send it to WebRiskOps.',
        due: 'Export a new bundle before this date and send it to WebRiskOps.',
        ok: 'Nothing to do yet.',
        unknown: '',
      }),
    );
  }
  items.push(...platformItems(f, now, withinDays));
  return sortRadar(items);
};

import { configOfBundleTarget, type AnyBundlePayload } from './bundle';
import type { CorporateCa } from './ca';
import type { CheckResults, TlsEvidence } from './checks';
import { OAUTH_REFRESH_RULE_SINCE, OAUTH_REFRESH_UNUSED_MONTHS, type CredentialExpiry, type CredentialMeta } from './credential-meta';
import { DATA_CENTER_END_OF_LIFE, DATA_CENTER_NEW_SALES_ENDED, featureReleaseOf, findDataCenterRelease } from './dc-releases';
import type { RadarBasis, RadarEntry, RadarItem, RadarItemKind } from './radar';
import { dayOf, judgeRadar } from './radar-judge';
import { isDataCenter, type TargetConfig } from './target';

// Facts about one target (from a saved target, a probe or a bundle) → its dated entries → its
// radar items, judged against a clock and a window. Pure, so the CLI, the status cards, the bundle
// and the reviewer all list the same entries with the same advice. Entries do not depend on "now":
// a bundle signs them, and every reader judges them with `judgeRadar`.

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

export const addMonths = (iso: string, months: number): string => {
  const d = new Date(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
};

const entry = (kind: RadarItemKind, subject: string, date: string | null, basis: RadarBasis): RadarEntry => ({ kind, subject: subject.slice(0, 600), date, basis });

const certificateEntries = (f: RadarFacts): RadarEntry[] => {
  if (f.deployment !== 'self-hosted') return [];
  const tls = f.tls;
  const cert =
    tls === undefined
      ? entry('certificate', 'TLS certificate of the host (not probed yet)', null, 'unknown')
      : entry('certificate', `TLS certificate ${tls.subject} (SHA-256 ${tls.fingerprint_sha256}, issuer ${tls.issuer})`, dayOf(tls.valid_to), 'observed');
  const cas = (f.ca ?? []).map((ca) => entry('ca', `Corporate CA ${ca.subject} (SHA-256 ${ca.fingerprint_sha256})`, dayOf(ca.not_after), 'observed'));
  return [cert, ...cas];
};

const CREDENTIAL_LABEL: Readonly<Record<'bitbucket' | 'jira', string>> = { bitbucket: 'Bitbucket credential', jira: 'Jira credential' };
const HOW: Readonly<Record<CredentialExpiry['basis'], string>> = {
  assumed: ' (assumed: stored date + 365 days, the longest an Atlassian API token lives)',
  given: ' (as entered when it was stored)',
  read: " (read from Bitbucket's access-tokens API)",
  unknown: '',
};

const credentialEntry = (kind: 'bitbucket' | 'jira', e: CredentialExpiry): RadarEntry =>
  entry('credential', `${CREDENTIAL_LABEL[kind]} stored ${dayOf(e.stored_at)}${HOW[e.basis]}${e.basis === 'read' && e.expires_on === null ? ', no expiry' : ''}`, e.expires_on, e.basis);

/**
 * Bitbucket rotates refresh tokens and lets one lapse after 3 months unused
 * (https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003):
 * the current one was issued at `stored_at`, when the previous one was last used. A passed check
 * with a still-valid access token does not use it; access tokens live 2 hours, so a check run
 * after that refreshes, and the refresh is what is recorded.
 */
const oauthEntry = (e: CredentialExpiry): RadarEntry =>
  entry(
    'oauth_refresh',
    `OAuth refresh token, last used ${dayOf(e.stored_at)} (expires after ${OAUTH_REFRESH_UNUSED_MONTHS} months unused, since ${OAUTH_REFRESH_RULE_SINCE})`,
    addMonths(e.stored_at, OAUTH_REFRESH_UNUSED_MONTHS),
    'assumed',
  );

const platformEntries = (f: RadarFacts): RadarEntry[] => {
  if (f.deployment !== 'self-hosted') return [];
  const eol = entry('platform_end_of_life', `Atlassian Data Center end of life (new sales ended ${DATA_CENTER_NEW_SALES_ENDED})`, DATA_CENTER_END_OF_LIFE, 'published');
  const version = f.dc_version;
  const release = version === undefined ? undefined : findDataCenterRelease(version);
  const subject =
    version === undefined
      ? 'Bitbucket Data Center feature release (version not known yet)'
      : release === undefined
        ? `Bitbucket Data Center ${version} (feature release ${featureReleaseOf(version) ?? 'unknown'}: no end-of-support date known here)`
        : `Bitbucket Data Center ${version} (feature release ${release.release}${release.lts === true ? ' LTS' : ''}, released ${release.released}, supported until ${release.end_of_support.slice(0, 7)})`;
  return [entry('release_support', subject, release?.end_of_support ?? null, release === undefined ? 'unknown' : 'published'), eol];
};

/** Every dated fact of one target, in a fixed order by kind (a bundle diff pairs them by position). */
export const radarEntriesFor = (f: RadarFacts): RadarEntry[] => {
  const entries: RadarEntry[] = [...certificateEntries(f)];
  for (const kind of ['bitbucket', 'jira'] as const) {
    const e = f.credentials?.[kind];
    if (e !== undefined) entries.push(credentialEntry(kind, e));
  }
  const refresh = f.credentials?.bitbucket_refresh;
  if (refresh !== undefined) entries.push(oauthEntry(refresh));
  if (f.bundle_expires_at !== undefined) entries.push(entry('bundle', 'Signed bundle', dayOf(f.bundle_expires_at), 'observed'));
  entries.push(...platformEntries(f));
  return entries;
};

export const radarItemsFor = (f: RadarFacts, now: Date, withinDays: number): RadarItem[] => judgeRadar(radarEntriesFor(f), f.scope, now, withinDays);

export const caFacts = (ca: CorporateCa | undefined): RadarCa[] =>
  (ca?.certificates ?? []).map(({ subject, fingerprint_sha256, not_after }) => ({ subject, fingerprint_sha256, not_after }));

/** A saved target's facts: its stored evidence, its CA and its credential facts (a bundle adds its expiry). */
export const targetFacts = (
  stored: { readonly target: TargetConfig; readonly checks: CheckResults; readonly credential_meta?: CredentialMeta | undefined },
  ca: CorporateCa | undefined,
  bundleExpiresAt?: string,
): RadarFacts => {
  const { target, checks } = stored;
  return {
    scope: target.name,
    deployment: target.deployment_mode,
    ...(checks.network?.tls === undefined ? {} : { tls: checks.network.tls }),
    ca: caFacts(ca),
    ...(stored.credential_meta === undefined ? {} : { credentials: stored.credential_meta }),
    ...(bundleExpiresAt === undefined ? {} : { bundle_expires_at: bundleExpiresAt }),
    ...(isDataCenter(target) && checks.network?.api_root !== undefined ? { dc_version: checks.network.api_root.version } : {}),
  };
};

/**
 * A bundle's radar: its signed `radar` section when it has one (judged against the reader's clock),
 * else what its payload alone says (bundles exported before the section existed: the certificate,
 * the version and the bundle's own validity, no credential facts).
 */
export const bundleRadarItems = (payload: AnyBundlePayload, now: Date, withinDays: number): RadarItem[] =>
  payload.radar === undefined
    ? radarItemsFor(targetFacts({ target: configOfBundleTarget(payload.target), checks: payload.checks }, undefined, payload.expires_at), now, withinDays)
    : judgeRadar(payload.radar.entries, payload.target.name, now, withinDays);

import { z } from 'zod';
import { ErrorCode } from '../errors/codes';
import { WorkspaceRole } from './vocabulary';

// What the app saw when it checked a target. The same records feed readiness, the wizard's
// check rows, the CLI and the signed bundle's evidence. None of them ever holds a secret.

const Timestamp = z.iso.datetime({ offset: true });

export const BlockReason = z.enum([
  'syntax',
  'scheme',
  'userinfo',
  'reserved_ip',
  'private_network',
  'dns',
  'redirect',
  'tls',
  'timeout',
  'too_large',
  'unreachable',
  'ownership',
  /** Through HTTPS_PROXY: the proxy refused a tunnel to the checked address (it only connects to names it resolves itself). */
  'proxy_refused_ip',
]);
export type BlockReason = z.infer<typeof BlockReason>;

export const AddressEvidence = z.object({
  ip: z.string(),
  /** ipaddr.js range name or the engine's own label (e.g. `private`, `loopback`, `unicast`). */
  range: z.string(),
  family: z.union([z.literal(4), z.literal(6)]),
});
export type AddressEvidence = z.infer<typeof AddressEvidence>;

export const TlsEvidence = z.object({
  fingerprint_sha256: z.string(),
  spki_sha256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  valid_from: z.string(),
  valid_to: z.string(),
});
export type TlsEvidence = z.infer<typeof TlsEvidence>;

export const RedirectHop = z.object({
  from: z.string(),
  to: z.string(),
  status: z.number().int(),
  verdict: z.enum(['followed', 'blocked']),
  reason: z.string().optional(),
});
export type RedirectHop = z.infer<typeof RedirectHop>;

export const ApiRootEvidence = z.object({
  version: z.string(),
  buildNumber: z.string(),
  displayName: z.string(),
});
export type ApiRootEvidence = z.infer<typeof ApiRootEvidence>;

/** The URL-safety verdict on a base URL (stages syntax → DNS → policy). */
export const UrlSafetyCheck = z.object({
  status: z.enum(['passed', 'blocked']),
  reason: BlockReason.optional(),
  detail: z.string().optional(),
  normalized: z.string().optional(),
  addresses: z.array(AddressEvidence).default([]),
  checked_at: Timestamp,
});
export type UrlSafetyCheck = z.infer<typeof UrlSafetyCheck>;

/** The probe of the Data Center API root over the pinned connection. */
export const NetworkCheck = z.object({
  status: z.enum(['reached', 'failed']),
  reason: BlockReason.optional(),
  detail: z.string().optional(),
  tls: TlsEvidence.optional(),
  redirects: z.array(RedirectHop).default([]),
  api_root: ApiRootEvidence.optional(),
  via_proxy: z.boolean().default(false),
  /** scheme://host:port of the proxy used (never its userinfo). */
  proxy: z.string().optional(),
  /**
   * The admin let the proxy resolve the name (it refused the checked address): the addresses are
   * this machine's DNS answer, unverified as the ones the proxy connected to.
   */
  resolved_by_proxy: z.boolean().optional(),
  /** The source address this machine used (`socket.localAddress`). */
  local_address: z.string().optional(),
  /** The negotiated TLS version, e.g. `TLSv1.3`. */
  tls_version: z.string().optional(),
  timings_ms: z.record(z.string(), z.number()).default({}),
  checked_at: Timestamp,
});
export type NetworkCheck = z.infer<typeof NetworkCheck>;

export const Identity = z.object({
  display_name: z.string().optional(),
  account_id: z.string().optional(),
  username: z.string().optional(),
  email: z.string().optional(),
});
export type Identity = z.infer<typeof Identity>;

export const AuthCheck = z.object({
  /** `missing`: nothing in the keychain; `rejected`: the provider answered 401; `retired`: app password. */
  status: z.enum(['ok', 'missing', 'rejected', 'retired']),
  code: ErrorCode.optional(),
  detail: z.string().optional(),
  identity: Identity.optional(),
  checked_at: Timestamp,
});
export type AuthCheck = z.infer<typeof AuthCheck>;

export const WorkspaceCheck = z.object({
  role: WorkspaceRole,
  /** For an access token: the repository it reads lives in the workspace entered (readiness also wants the admin's confirmation). */
  customer_owned: z.boolean(),
  /** `membership`: the user's role in the workspace; `access_token`: the workspace of the resource the token is bound to. */
  basis: z.enum(['membership', 'access_token']).optional(),
  /** Access tokens: the workspace of the repository the token reads. */
  bound_workspace: z.string().optional(),
  checked_at: Timestamp,
});
export type WorkspaceCheck = z.infer<typeof WorkspaceCheck>;

export const RepositoryCheck = z.object({
  status: z.enum(['found', 'missing', 'forbidden']),
  is_private: z.boolean().optional(),
  uuid: z.string().optional(),
  has_issues: z.boolean().nullable().optional(),
  checked_at: Timestamp,
});
export type RepositoryCheck = z.infer<typeof RepositoryCheck>;

export const IssueTrackingCheck = z.object({
  available: z.boolean(),
  /** e.g. "Bitbucket Cloud issues were retired on 2026-08-20". */
  reason: z.string(),
  retired: z.boolean().default(false),
  components: z.array(z.string()).default([]),
  /** The component list hit the page cap: a component missing from it may still exist. */
  components_truncated: z.boolean().optional(),
  checked_at: Timestamp,
});
export type IssueTrackingCheck = z.infer<typeof IssueTrackingCheck>;

export const ScopeCheck = z.object({
  status: z.enum(['sufficient', 'missing', 'unknown']),
  required: z.array(z.string()),
  granted: z.array(z.string()),
  missing: z.array(z.string()),
  /** Granted scopes broader than the native path needs: least-privilege warnings. */
  broader: z.array(z.string()).default([]),
  credential_type: z.string().optional(),
  checked_at: Timestamp,
});
export type ScopeCheck = z.infer<typeof ScopeCheck>;

/**
 * The provider answered 429: a pending state, never a verdict on the credential. `retry_at` is
 * when the provider said to come back (Retry-After beyond the app's wait limit); `headroom` holds
 * the rate-limit headers it sent (X-RateLimit-*, RateLimit-Reason, Retry-After) as evidence.
 */
export const RateLimitCheck = z.object({
  provider: z.enum(['bitbucket_cloud', 'bitbucket_data_center', 'jira']),
  detail: z.string(),
  retry_after_s: z.number().int().nonnegative().optional(),
  retry_at: Timestamp.optional(),
  headroom: z.record(z.string(), z.string()).default({}),
  checked_at: Timestamp,
});
export type RateLimitCheck = z.infer<typeof RateLimitCheck>;

/** A rate-limited finding's `retry_at` evidence, when it holds a timestamp (the UI counts down to it). */
export const retryAtOf = (evidence: unknown): string | undefined => {
  const parsed = z.object({ retry_at: Timestamp }).safeParse(evidence);
  return parsed.success ? parsed.data.retry_at : undefined;
};

export const JiraCheck = z.object({
  status: z.enum(['ok', 'blocked']),
  code: ErrorCode.optional(),
  detail: z.string().optional(),
  server: z.object({ version: z.string(), deployment_type: z.string().optional() }).optional(),
  identity: Identity.optional(),
  project: z.object({ key: z.string(), name: z.string() }).optional(),
  issue_type: z.object({ id: z.string(), name: z.string() }).optional(),
  url_safety: UrlSafetyCheck.optional(),
  /** Jira Cloud: the cloud id the calls used, when the app read it from the site's /_edge/tenant_info. */
  cloud_id: z.string().optional(),
  /** Jira Cloud: the calls went through the Atlassian API gateway (a scoped API token). */
  via_gateway: z.boolean().optional(),
  /** Set when the Jira run stopped on a 429 (`code` is then PROVIDER_RATE_LIMITED). */
  rate_limit: RateLimitCheck.optional(),
  checked_at: Timestamp,
});
export type JiraCheck = z.infer<typeof JiraCheck>;

/** Everything known about a target's checks. Absent means "not checked yet". */
export const CheckResults = z.object({
  url_safety: UrlSafetyCheck.optional(),
  network: NetworkCheck.optional(),
  auth: AuthCheck.optional(),
  workspace: WorkspaceCheck.optional(),
  repository: RepositoryCheck.optional(),
  issue_tracking: IssueTrackingCheck.optional(),
  scopes: ScopeCheck.optional(),
  /** The Bitbucket run stopped on a 429: pending until a later run gets through. */
  rate_limit: RateLimitCheck.optional(),
  jira: JiraCheck.optional(),
});
export type CheckResults = z.infer<typeof CheckResults>;

/** Whether a credential is in the keychain: the only thing the UI ever learns about a secret. */
export const CredentialState = z.enum(['stored', 'missing', 'rejected']);
export type CredentialState = z.infer<typeof CredentialState>;

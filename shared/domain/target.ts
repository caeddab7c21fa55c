import { z } from 'zod';
import { CaPemText, CorporateCa } from './ca';
import {
  AllowlistStatus,
  BITBUCKET_CLOUD_API_ROOT,
  CloudAuthMethod,
  DataCenterAuthMethod,
  DataCenterIssueWorkflow,
  IssuePriority,
  IssueWorkflow,
  JiraAuthMethod,
  JiraFlavor,
  PortableFormat,
} from './vocabulary';
import { OAuthCallbackUrl } from './oauth-callback';

// The target configuration. It never holds a secret: every object is strict, so a `token`,
// `password` or `secret` key is a parse error, not a silently kept field.

export const TargetId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens');
export type TargetId = z.infer<typeof TargetId>;

export const TargetName = z.string().trim().min(1).max(120);

/** An https URL as typed; the URL-safety engine normalises and judges it. */
export const UrlText = z.string().trim().min(1).max(2048);

const Timestamp = z.iso.datetime({ offset: true });

export const Confirmation = z.strictObject({
  confirmed_by: z.string().trim().min(1).max(200),
  confirmed_at: Timestamp,
});
export type Confirmation = z.infer<typeof Confirmation>;

/** The three Data Center confirmations that must precede `base_url`. */
export const DataCenterConfirmations = z.strictObject({
  ownership: Confirmation.optional(),
  api_root_reachable: Confirmation.optional(),
  scan_authorized: Confirmation.optional(),
});
export type DataCenterConfirmations = z.infer<typeof DataCenterConfirmations>;

export const JiraHandoff = z.strictObject({
  flavor: JiraFlavor,
  base_url: UrlText,
  auth_method: JiraAuthMethod,
  /** Jira Cloud: the Atlassian account e-mail used with the API token (not a secret). */
  account_email: z.email().max(254).optional(),
  /** Jira Cloud scoped tokens go through the API gateway with the site's cloud id. */
  cloud_id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
  project_key: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'a Jira project key such as SEC').optional(),
  issue_type: z.string().trim().min(1).max(255).optional(),
});
export type JiraHandoff = z.infer<typeof JiraHandoff>;

export const PortableHandoff = z.strictObject({ format: PortableFormat });
export type PortableHandoff = z.infer<typeof PortableHandoff>;

const Slug = z.string().trim().min(1).max(128).regex(/^[A-Za-z0-9_.~-]+$/, 'letters, digits, . _ ~ -');

/**
 * A Data Center project key (`SEC`: an upper-case letter, then upper-case letters, digits or _), or
 * a user's personal project: `~` and the user slug, which keeps `.` and `-` (`~dana.smith`). Every
 * user has exactly one personal project, fixed by the system
 * (https://docs.atlassian.com/bitbucket-server/javadoc/9.2.1/api/com/atlassian/bitbucket/project/PersonalProject.html).
 */
export const DataCenterProjectKey = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^(?:[A-Z][A-Z0-9_]*|~[A-Za-z0-9_][A-Za-z0-9_.-]*)$/, 'a project key such as SEC, or ~ and a user slug for a personal project (~dana.smith)');

const common = {
  id: TargetId,
  name: TargetName,
  created_at: Timestamp,
  updated_at: Timestamp,
  component: z.string().trim().min(1).max(255).optional(),
  priority: IssuePriority.optional(),
  jira: JiraHandoff.optional(),
  portable: PortableHandoff.optional(),
};

export const CloudTarget = z.strictObject({
  ...common,
  provider_key: z.literal('bitbucket_cloud_issues'),
  deployment_mode: z.literal('cloud'),
  base_url: z.literal(BITBUCKET_CLOUD_API_ROOT),
  auth_method: CloudAuthMethod.optional(),
  /** API token auth: the Atlassian account e-mail (Basic auth user). Not a secret; masked in safe mode. */
  account_email: z.email().max(254).optional(),
  scopes: z.array(z.string().min(1).max(100)).max(100).default([]),
  /**
   * Access tokens: an admin of the workspace confirms they created this token for it. The token is
   * bound to its resource and has no user, so this stands where a member's role would.
   */
  token_owner_confirmation: Confirmation.optional(),
  /**
   * OAuth: the callback URL registered on the consumer (`http://127.0.0.1:PORT/…` or
   * `http://localhost:PORT/…`), stored normalised. The sign-in listens exactly there and sends exactly it.
   */
  oauth_callback_url: OAuthCallbackUrl.optional(),
  workspace: Slug.optional(),
  repository_slug: Slug.optional(),
  issue_workflow: IssueWorkflow.optional(),
});
export type CloudTarget = z.infer<typeof CloudTarget>;

export const DataCenterTarget = z.strictObject({
  ...common,
  provider_key: z.literal('bitbucket_data_center_issues'),
  deployment_mode: z.literal('self-hosted'),
  base_url: UrlText.optional(),
  confirmations: DataCenterConfirmations.default({}),
  auth_method: DataCenterAuthMethod.optional(),
  /** Basic auth user name (not a secret; masked in safe mode). */
  username: z.string().trim().min(1).max(255).optional(),
  /** Data Center: the project key, or `~user.slug` for a personal project. */
  workspace: DataCenterProjectKey.optional(),
  repository_slug: Slug.optional(),
  allowlist_status: AllowlistStatus.optional(),
  /** The admin acknowledged that the host resolves to a private address (with `allowlisted`). */
  private_address_acknowledged: z.boolean().default(false),
  /** Through HTTPS_PROXY: the admin lets the proxy resolve the name when it refuses the checked address (unverified). */
  proxy_resolves_name: z.boolean().optional(),
  /**
   * The corporate CA trusted in addition to the system store: its PEM content and the facts of
   * each certificate, never a path on disk (the CLI reads a `--ca FILE` itself and hands the text).
   */
  ca: CorporateCa.optional(),
  /**
   * Set when a settings file of an earlier version named a CA file that could not be read again
   * (moved, deleted, not a certificate): the admin must choose the CA again, or remove it.
   */
  ca_needs_choice: z.strictObject({ reason: z.string().max(500) }).optional(),
  issue_workflow: DataCenterIssueWorkflow.optional(),
});
export type DataCenterTarget = z.infer<typeof DataCenterTarget>;

export const TargetConfig = z.discriminatedUnion('provider_key', [CloudTarget, DataCenterTarget]);
export type TargetConfig = z.infer<typeof TargetConfig>;

/** What a caller sends to create or update a target: the store fills id, name and timestamps. */
export const CloudTargetDraft = CloudTarget.omit({ id: true, created_at: true, updated_at: true, name: true }).extend({
  id: TargetId.optional(),
  name: TargetName.optional(),
});
/**
 * A Data Center draft names its CA as PEM text, `ca_pem`: absent keeps the stored CA, `null`
 * removes it, a text replaces it (CA_FILE_INVALID unless it is one or more X.509 certificates).
 * The stored facts (`ca`, `ca_needs_choice`) are the store's to derive, never the caller's.
 */
export const DataCenterTargetDraft = DataCenterTarget.omit({ id: true, created_at: true, updated_at: true, name: true, ca: true, ca_needs_choice: true }).extend({
  id: TargetId.optional(),
  name: TargetName.optional(),
  ca_pem: CaPemText.nullable().optional(),
});
export const TargetDraft = z.discriminatedUnion('provider_key', [CloudTargetDraft, DataCenterTargetDraft]);
export type TargetDraft = z.input<typeof TargetDraft>;

export { deploymentModeFor, isCloud, isDataCenter } from './target-kind';

import type { BlockedAction, ErrorCode } from './codes';
import type { StepId } from '../domain/step-ids';

export interface CatalogEntry {
  readonly code: ErrorCode;
  /** A short title for badges and lists. */
  readonly title: string;
  /** What the code means, in the words support reads out. */
  readonly meaning: string;
  /** What the user is told to do. */
  readonly fix: string;
  /** What stays blocked while the code stands. */
  readonly blocks: readonly BlockedAction[];
  /** The wizard step that fixes it, for the "Fix this" jump; null when no step does. */
  readonly fixStep: StepId | null;
}

const entry = (e: CatalogEntry): CatalogEntry => e;

/** One entry per code. `satisfies` makes a missing or extra code a compile error. */
export const ERROR_CATALOG = {
  PROVIDER_AUTH_REQUIRED: entry({
    code: 'PROVIDER_AUTH_REQUIRED',
    title: 'Credentials required',
    meaning: 'No credential is stored for this target, or the provider rejected it (HTTP 401). App passwords were retired on 2026-07-28.',
    fix: 'Reconnect OAuth or enter a new API token (Bitbucket Cloud) or HTTP access token (Data Center), then test the connection again.',
    blocks: ['save', 'export'],
    fixStep: 'credentials',
  }),
  PROVIDER_BASE_URL_BLOCKED: entry({
    code: 'PROVIDER_BASE_URL_BLOCKED',
    title: 'Base URL blocked',
    meaning: 'The URL failed a safety check: syntax, scheme, user info, reserved IP, private network, DNS, redirect, TLS, timeout, size, reachability or ownership.',
    fix: 'Fix the URL (or the allowlist status for a private address), or choose Jira or portable export instead.',
    blocks: ['provider_calls', 'credential_entry', 'save', 'export'],
    fixStep: 'target',
  }),
  PROVIDER_SCOPE_UNAVAILABLE: entry({
    code: 'PROVIDER_SCOPE_UNAVAILABLE',
    title: 'Scopes missing',
    meaning: 'The saved credential cannot read workspace or repository issue settings (HTTP 403, or required scopes not granted).',
    fix: 'Grant the listed scopes to the credential and test again, or route the work to Jira or portable export.',
    blocks: ['scope_selection', 'issue_steps', 'native_issue_export'],
    fixStep: 'route',
  }),
  ALLOWLIST_STATUS_MISSING: entry({
    code: 'ALLOWLIST_STATUS_MISSING',
    title: 'Allowlist status missing',
    meaning: 'The Data Center target has no allowlist status, so it cannot be trusted for automated provider calls yet.',
    fix: 'Choose how WebRiskOps reaches the host: direct, allowlisted, or a customer-approved tunnel.',
    blocks: ['provider_calls', 'save', 'export'],
    fixStep: 'target',
  }),
  ISSUE_TRACKING_DISABLED: entry({
    code: 'ISSUE_TRACKING_DISABLED',
    title: 'Issue tracking unavailable',
    meaning: 'The repository has no working Bitbucket issue tracker. Bitbucket Cloud retired issues on 2026-08-20 and no longer lets repositories enable them.',
    fix: 'Route the work to Jira export or portable export.',
    blocks: ['native_issue_export'],
    fixStep: 'issue_availability',
  }),
  PROVIDER_WORKSPACE_NOT_OWNED: entry({
    code: 'PROVIDER_WORKSPACE_NOT_OWNED',
    title: 'Workspace not confirmed',
    meaning: "The credential's user is not a member of the workspace, so it cannot be shown to be customer-owned.",
    fix: 'Use a credential of a workspace member or owner, or check the workspace name.',
    blocks: ['save', 'export'],
    fixStep: 'target',
  }),
  PROVIDER_RESOURCE_NOT_FOUND: entry({
    code: 'PROVIDER_RESOURCE_NOT_FOUND',
    title: 'Not found',
    meaning: 'The workspace, project, repository or Jira resource does not exist, or the credential cannot see it.',
    fix: 'Check the name and that the credential can see it.',
    blocks: ['save', 'export'],
    fixStep: 'target',
  }),
  PROVIDER_VALUE_INVALID: entry({
    code: 'PROVIDER_VALUE_INVALID',
    title: 'Value not accepted',
    meaning: "A component or priority is not one of the values the provider offers for this repository.",
    fix: 'Pick a component from the live list and a priority from trivial, minor, major, critical, blocker.',
    blocks: ['save'],
    fixStep: 'route',
  }),
  PROVIDER_RATE_LIMITED: entry({
    code: 'PROVIDER_RATE_LIMITED',
    title: 'Rate limited',
    meaning: 'The provider asked the app to slow down (HTTP 429) and a bounded retry did not help.',
    fix: 'Wait a minute and retry the check.',
    blocks: ['none'],
    fixStep: null,
  }),
  PROVIDER_UNAVAILABLE: entry({
    code: 'PROVIDER_UNAVAILABLE',
    title: 'Provider unavailable',
    meaning: 'The provider answered with a server error or could not be reached.',
    fix: 'Retry later; check the provider status page and the network path.',
    blocks: ['none'],
    fixStep: null,
  }),
  PROVIDER_RESPONSE_INVALID: entry({
    code: 'PROVIDER_RESPONSE_INVALID',
    title: 'Unexpected answer',
    meaning: 'The provider answered in a shape the app does not recognise, so the answer was not trusted.',
    fix: 'Check that the URL points at Bitbucket or Jira (not a proxy login page), then retry.',
    blocks: ['none'],
    fixStep: null,
  }),
  OAUTH_FLOW_FAILED: entry({
    code: 'OAUTH_FLOW_FAILED',
    title: 'OAuth sign-in failed',
    meaning: 'The OAuth sign-in did not complete: it timed out, was cancelled, or its state did not match.',
    fix: 'Click Connect again and finish the sign-in in the browser window that opens.',
    blocks: ['save', 'export'],
    fixStep: 'credentials',
  }),
  JIRA_HANDOFF_UNAVAILABLE: entry({
    code: 'JIRA_HANDOFF_UNAVAILABLE',
    title: 'Jira handoff not ready',
    meaning: 'The Jira site, project or issue type could not be confirmed for the handoff.',
    fix: 'Check the Jira URL, credential, project key and issue type, or choose portable export.',
    blocks: ['save', 'export'],
    fixStep: 'route',
  }),
  KEYCHAIN_UNAVAILABLE: entry({
    code: 'KEYCHAIN_UNAVAILABLE',
    title: 'Keychain unavailable',
    meaning: 'The operating system keychain (Secret Service, Keychain or Credential Manager) could not be reached, so no credential can be stored.',
    fix: 'Unlock or start the keychain (on Linux: gnome-keyring or KeePassXC with Secret Service under D-Bus) and retry.',
    blocks: ['credential_entry', 'export'],
    fixStep: 'credentials',
  }),
  CA_FILE_INVALID: entry({
    code: 'CA_FILE_INVALID',
    title: 'Corporate CA not usable',
    meaning: 'The corporate CA could not be read or holds no X.509 certificate (PEM), so the TLS check of this host cannot use it.',
    fix: "Choose the issuing CA's certificate as a PEM file (-----BEGIN CERTIFICATE-----), the one your security team publishes for internal hosts, then check again.",
    blocks: ['provider_calls'],
    fixStep: 'target',
  }),
  SETTINGS_UNREADABLE: entry({
    code: 'SETTINGS_UNREADABLE',
    title: 'Settings unreadable',
    meaning: 'The saved settings file could not be read or did not match the expected shape.',
    fix: 'Restore the settings file from backup or remove it to start again; credentials in the keychain are not affected.',
    blocks: ['save'],
    fixStep: null,
  }),
  BUNDLE_EXPORT_BLOCKED: entry({
    code: 'BUNDLE_EXPORT_BLOCKED',
    title: 'Export blocked',
    meaning: 'The target is not ready: the readiness verdict names the codes that block it.',
    fix: 'Fix each blocking code, then export again.',
    blocks: ['export'],
    fixStep: 'review',
  }),
  BUNDLE_SIGNATURE_INVALID: entry({
    code: 'BUNDLE_SIGNATURE_INVALID',
    title: 'Signature invalid',
    meaning: 'The bundle was changed after signing, or was signed with a different key than the one it carries.',
    fix: 'Do not import it. Ask the admin to export the bundle again and send it unchanged.',
    blocks: ['bundle_import'],
    fixStep: null,
  }),
  BUNDLE_KEY_MISMATCH: entry({
    code: 'BUNDLE_KEY_MISMATCH',
    title: 'Unexpected signing key',
    meaning: 'The signature is valid, but the signing key is not the fingerprint you pinned.',
    fix: 'Compare the fingerprint with the admin out of band; import only if they confirm the key.',
    blocks: ['bundle_import'],
    fixStep: null,
  }),
  BUNDLE_EXPIRED: entry({
    code: 'BUNDLE_EXPIRED',
    title: 'Bundle expired',
    meaning: 'The bundle is past its expiry date.',
    fix: 'Ask the admin to run the checks again and export a fresh bundle.',
    blocks: ['bundle_import'],
    fixStep: null,
  }),
  BUNDLE_NOT_YET_VALID: entry({
    code: 'BUNDLE_NOT_YET_VALID',
    title: 'Bundle not yet valid',
    meaning: "The bundle's issue time is in the future beyond the allowed clock skew.",
    fix: "Check this machine's clock and the exporting machine's clock.",
    blocks: ['bundle_import'],
    fixStep: null,
  }),
  BUNDLE_LIFETIME_TOO_LONG: entry({
    code: 'BUNDLE_LIFETIME_TOO_LONG',
    title: 'Bundle lifetime too long',
    meaning: 'The bundle is valid for more than 365 days from its issue time. The app never exports one like that, so it was made by something else.',
    fix: 'Do not import it. Ask the admin to export a fresh bundle from the app (at most 365 days, 30 by default).',
    blocks: ['bundle_import'],
    fixStep: null,
  }),
  BUNDLE_NOT_READY: entry({
    code: 'BUNDLE_NOT_READY',
    title: 'Target not ready',
    meaning: 'The bundle describes a target whose readiness is not "ready" (a blocking code or a missing step), either as recorded or as its own evidence reads. The app never exports one like that.',
    fix: 'Do not import it. Ask the admin to fix the blocking codes, run the checks again and export a new bundle.',
    blocks: ['bundle_import'],
    fixStep: null,
  }),
  BUNDLE_UNSUPPORTED_VERSION: entry({
    code: 'BUNDLE_UNSUPPORTED_VERSION',
    title: 'Unsupported bundle',
    meaning: 'The bundle has a payload type or format version this app does not know.',
    fix: 'Update the app, or ask for a bundle exported by a supported version.',
    blocks: ['bundle_import'],
    fixStep: null,
  }),
  BUNDLE_MALFORMED: entry({
    code: 'BUNDLE_MALFORMED',
    title: 'Bundle malformed',
    meaning: 'The file is not a bundle: not JSON, the wrong shape, duplicate keys, or too large.',
    fix: 'Check that you opened the .wrobundle.json file the admin sent, unchanged.',
    blocks: ['bundle_import'],
    fixStep: null,
  }),
  STEP_LOCKED: entry({
    code: 'STEP_LOCKED',
    title: 'Step not available yet',
    meaning: 'This step depends on an earlier one that is not complete.',
    fix: 'Complete the earlier step first; the step list shows which.',
    blocks: ['none'],
    fixStep: null,
  }),
  TARGET_NOT_FOUND: entry({
    code: 'TARGET_NOT_FOUND',
    title: 'Target not found',
    meaning: 'No saved target has that id or name.',
    fix: 'Pick a target from the Integration status list.',
    blocks: ['none'],
    fixStep: null,
  }),
  REQUEST_INVALID: entry({
    code: 'REQUEST_INVALID',
    title: 'Invalid request',
    meaning: 'The request did not match the expected shape.',
    fix: 'Check the fields named in the details.',
    blocks: ['none'],
    fixStep: null,
  }),
  METHOD_UNKNOWN: entry({
    code: 'METHOD_UNKNOWN',
    title: 'Unknown method',
    meaning: 'The app has no such method.',
    fix: 'Update the app so the interface and the service match.',
    blocks: ['none'],
    fixStep: null,
  }),
  IPC_SENDER_REJECTED: entry({
    code: 'IPC_SENDER_REJECTED',
    title: 'Call refused',
    meaning: "A call reached the app from a page or frame that is not the app's own window, so it was refused.",
    fix: 'Restart the app. If it happens again, send the support summary to WebRiskOps support.',
    blocks: ['none'],
    fixStep: null,
  }),
  BROWSER_SESSION_INVALID: entry({
    code: 'BROWSER_SESSION_INVALID',
    title: 'Browser session expired',
    meaning: 'A browser-mode call came without the launch token of the running server, or with an old one. Each launch of browser mode has a new token.',
    fix: 'Open the URL that the `serve` command printed for this launch (it carries the token), or start browser mode again.',
    blocks: ['none'],
    fixStep: null,
  }),
  REQUEST_FORBIDDEN: entry({
    code: 'REQUEST_FORBIDDEN',
    title: 'Request refused',
    meaning: 'A browser-mode request named another host or came from another web origin, so it was refused (protection against DNS rebinding and cross-site requests).',
    fix: 'Open the app at the http://127.0.0.1:PORT address printed by `serve`, not through another host name or page.',
    blocks: ['none'],
    fixStep: null,
  }),
  INTERNAL_ERROR: entry({
    code: 'INTERNAL_ERROR',
    title: 'Internal error',
    meaning: 'The app hit a bug. No secret is included in this report.',
    fix: 'Copy the support summary and send it to WebRiskOps support.',
    blocks: ['none'],
    fixStep: null,
  }),
} as const satisfies Record<ErrorCode, CatalogEntry>;

export const describeError = (code: ErrorCode): CatalogEntry => ERROR_CATALOG[code];

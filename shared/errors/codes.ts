import { z } from 'zod';

// Every code a user can meet, in the UI, the CLI and the bundle alike. The catalog text lives in
// catalog.ts; this file holds only the names so schemas can refer to them without the prose.

export const ErrorCode = z.enum([
  // The five blocked states of the source page.
  'PROVIDER_AUTH_REQUIRED',
  'PROVIDER_BASE_URL_BLOCKED',
  'PROVIDER_SCOPE_UNAVAILABLE',
  'ALLOWLIST_STATUS_MISSING',
  'ISSUE_TRACKING_DISABLED',
  // Provider answers that are not one of the five but still need a fix.
  'PROVIDER_WORKSPACE_NOT_OWNED',
  'PROVIDER_RESOURCE_NOT_FOUND',
  'PROVIDER_VALUE_INVALID',
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_RESPONSE_INVALID',
  'OAUTH_FLOW_FAILED',
  'OAUTH_CALLBACK_INVALID',
  'OAUTH_CALLBACK_PORT_BUSY',
  'OAUTH_SIGN_IN_REQUIRED',
  'JIRA_HANDOFF_UNAVAILABLE',
  // Local machine.
  'KEYCHAIN_UNAVAILABLE',
  'CA_FILE_INVALID',
  'PROXY_CONFIG_INVALID',
  'SETTINGS_UNREADABLE',
  // Signed bundle.
  'BUNDLE_EXPORT_BLOCKED',
  'BUNDLE_NOT_SAVED',
  'BUNDLE_SIGNATURE_INVALID',
  'BUNDLE_KEY_MISMATCH',
  'BUNDLE_EXPIRED',
  'BUNDLE_NOT_YET_VALID',
  'BUNDLE_LIFETIME_TOO_LONG',
  'BUNDLE_NOT_READY',
  'BUNDLE_UNSUPPORTED_VERSION',
  'BUNDLE_MALFORMED',
  // Calls into the app.
  'STEP_LOCKED',
  'TARGET_NOT_FOUND',
  'REQUEST_INVALID',
  'METHOD_UNKNOWN',
  'IPC_SENDER_REJECTED',
  'BROWSER_SESSION_INVALID',
  'APP_SERVER_STOPPED',
  'REQUEST_FORBIDDEN',
  'CHECK_CANCELLED',
  'INTERNAL_ERROR',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** What a blocked state stops. The wizard greys these out; the CLI names them. */
export const BlockedAction = z.enum([
  'save',
  'export',
  'provider_calls',
  'credential_entry',
  'scope_selection',
  'issue_steps',
  'native_issue_export',
  'bundle_import',
  'none',
]);
export type BlockedAction = z.infer<typeof BlockedAction>;

/** The wire shape of an expected failure: a code, a human sentence, and optional evidence. */
export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof AppError>;

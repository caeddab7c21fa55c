import { entry } from './entry';

// The signed bundle: export and verification.

export const BUNDLE_ENTRIES = {
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
} as const;

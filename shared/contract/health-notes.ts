// The health report's sentences, without its schemas: the first screen shows them before the
// contract's schemas are loaded (docs/performance.md).

/** What a private keyring means for the admin; the health panel, the credential step and `doctor` say it. */
export const PRIVATE_KEYRING_NOTE =
  'Credentials are kept in a throw-away keyring started for this run (a private D-Bus session): they are gone when this run stops. Store them again next time, or use a persistent keychain.';

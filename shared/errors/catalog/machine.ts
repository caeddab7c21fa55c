import { entry } from './entry';

// This machine: the keychain, the corporate CA, the proxy settings, the settings file.

export const MACHINE_ENTRIES = {
  KEYCHAIN_UNAVAILABLE: entry({
    code: 'KEYCHAIN_UNAVAILABLE',
    title: 'Keychain unavailable',
    meaning: 'The operating system keychain (Secret Service, Keychain or Credential Manager) could not be reached, so no credential can be stored.',
    fix: 'On a headless Linux jump host, stop this run and start browser mode with a throw-away keyring for the session: `npm start -- --private-keyring` (or `bitbucket-target serve --private-keyring`); credentials then last only until it stops. Or start and unlock a Secret Service (gnome-keyring or KeePassXC under D-Bus, see README "Headless jump host"), or unlock the keychain, and retry.',
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
  PROXY_CONFIG_INVALID: entry({
    code: 'PROXY_CONFIG_INVALID',
    title: 'Proxy setting not usable',
    meaning:
      'HTTPS_PROXY (or https_proxy) or NO_PROXY in the environment this app was started with is not a value it can use: the proxy is not an http:// or https:// URL without a path, or a NO_PROXY entry is not a host name, IP address, CIDR range or *. No connection is made, rather than one around or through the wrong proxy.',
    fix: 'Set HTTPS_PROXY to http://proxy.host:port (or https://, with user:password@ for proxy authentication) and NO_PROXY to a comma list of host names, IP addresses or CIDR ranges (optionally :port), or unset them; then start the app or run the command again.',
    blocks: ['provider_calls'],
    fixStep: null,
  }),
  SETTINGS_UNREADABLE: entry({
    code: 'SETTINGS_UNREADABLE',
    title: 'Settings unreadable',
    meaning: 'The saved settings file could not be read or did not match the expected shape.',
    fix: 'Restore the settings file from backup or remove it to start again; credentials in the keychain are not affected.',
    blocks: ['save'],
    fixStep: null,
  }),
} as const;

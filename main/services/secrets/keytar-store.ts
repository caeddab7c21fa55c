import keytar from 'keytar';
import { SECRET_SERVICE_NAME, type SecretStore } from './secret-store';

/** Thrown when the OS keychain cannot be reached; handlers turn it into KEYCHAIN_UNAVAILABLE. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

const explain = (cause: unknown): never => {
  const text = cause instanceof Error ? cause.message : String(cause);
  // The library's text ("Cannot autolaunch D-Bus without X11 $DISPLAY", …) never carries a secret,
  // but it is kept out of the message anyway: support gets a sentence, not a stack.
  const hint = /d-?bus|secret service|x11|display/i.test(text)
    ? 'No Secret Service is running (start gnome-keyring or KeePassXC under D-Bus, and unlock it).'
    : 'The OS keychain refused the request (is it locked?).';
  throw new KeychainUnavailableError(hint);
};

/** The OS keychain through keytar: macOS Keychain, Windows Credential Manager, Secret Service on Linux. */
export const createKeytarStore = (service: string = SECRET_SERVICE_NAME): SecretStore => ({
  get: (account) => keytar.getPassword(service, account).catch(explain),
  set: (account, secret) => keytar.setPassword(service, account, secret).catch(explain),
  delete: (account) => keytar.deletePassword(service, account).catch(explain),
  accounts: async () => {
    const found = await keytar.findCredentials(service).catch(explain);
    return found.map((c) => c.account).sort();
  },
});

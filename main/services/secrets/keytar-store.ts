import type KeytarModule from 'keytar';
import { SECRET_SERVICE_NAME, type SecretStore } from './secret-store';

/** Thrown when the OS keychain cannot be reached; handlers turn it into KEYCHAIN_UNAVAILABLE. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
}

type Keytar = typeof KeytarModule;

const explain = (cause: unknown): never => {
  const text = cause instanceof Error ? cause.message : String(cause);
  // The library's text ("Cannot autolaunch D-Bus without X11 $DISPLAY", …) never carries a secret,
  // but it is kept out of the message anyway: support gets a sentence, not a stack.
  // "Could not connect: No such file or directory" (DBUS_SESSION_BUS_ADDRESS names no bus), "The
  // given address is empty" (no session bus at all), "Cannot autolaunch D-Bus without X11 $DISPLAY".
  const hint = /d-?bus|secret service|x11|display|could not connect|address is empty|org\.freedesktop\.secrets/i.test(text)
    ? 'No Secret Service is running on this session bus (no D-Bus session, or no gnome-keyring / KeePassXC on it).'
    : 'The OS keychain refused the request (is it locked?).';
  throw new KeychainUnavailableError(hint);
};

// keytar is a native module, loaded on first use: a module built for another runtime (Node's ABI
// inside Electron, or the reverse) or a missing libsecret becomes a clear keychain error, not a
// crash of everything that imports the api.
let loaded: Promise<Keytar> | null = null;
const loadKeytar = (): Promise<Keytar> =>
  (loaded ??= import('keytar')
    .then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar)
    .catch((cause: unknown) => {
      loaded = null;
      const text = cause instanceof Error ? cause.message : String(cause);
      throw new KeychainUnavailableError(
        /NODE_MODULE_VERSION|was compiled against a different/i.test(text)
          ? 'The keychain module was built for another runtime; run `npx electron-builder install-app-deps` (desktop) or `npm rebuild keytar` (Node).'
          : /libsecret/i.test(text)
            ? 'libsecret is missing; install it (Debian: libsecret-1-0) to use the keychain.'
            : 'The keychain module could not be loaded.',
      );
    }));

/** The OS keychain through keytar: macOS Keychain, Windows Credential Manager, Secret Service on Linux. */
export const createKeytarStore = (service: string = SECRET_SERVICE_NAME): SecretStore => {
  const use = async <T>(op: (k: Keytar) => Promise<T>): Promise<T> => op(await loadKeytar()).catch(explain);
  return {
    get: (account) => use((k) => k.getPassword(service, account)),
    set: (account, secret) => use((k) => k.setPassword(service, account, secret)),
    delete: (account) => use((k) => k.deletePassword(service, account)),
    accounts: async () => {
      const found = await use((k) => k.findCredentials(service));
      return found.map((c) => c.account).sort();
    },
  };
};

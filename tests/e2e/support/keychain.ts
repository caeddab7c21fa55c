import keytar from 'keytar';

/** The account names the real Secret Service holds for a keychain service (never the secrets). */
export const keychainAccounts = async (service: string): Promise<string[]> => (await keytar.findCredentials(service)).map((c) => c.account).sort();

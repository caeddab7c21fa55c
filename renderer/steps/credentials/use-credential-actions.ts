import { useState } from 'react';
import type { CheckFinding, StorableCredentialKind } from '../../../shared/contract';
import { useApp } from '../../store/context';

/** Store a secret (read from the field at the last moment), test the connection, connect OAuth. */
export const useCredentialActions = (targetId: string) => {
  const client = useApp((s) => s.client);
  const run = useApp((s) => s.run);
  const reloadRecord = useApp((s) => s.reloadRecord);
  const applyChecks = useApp((s) => s.applyChecks);
  const [findings, setFindings] = useState<readonly CheckFinding[] | null>(null);

  const test = async (): Promise<boolean> => {
    const result = await run('Testing the connection', () => client['checks.run']({ target_id: targetId }));
    if (result === null) return false;
    applyChecks(result);
    setFindings(result.findings);
    return true;
  };

  const store = async (kind: StorableCredentialKind, secret: string, consumerKey?: string): Promise<boolean> => {
    if (secret === '') return false;
    const input = consumerKey === undefined ? { target_id: targetId, kind, secret } : { target_id: targetId, kind, secret, consumer_key: consumerKey };
    const stored = await run('Storing the credential in the keychain', () => client['credentials.store'](input));
    await reloadRecord();
    return stored !== null;
  };

  const connect = async (): Promise<boolean> => {
    const done = await run('Waiting for the OAuth sign-in in the browser', () => client['oauth.connect']({ target_id: targetId }));
    if (done === null) return false;
    await reloadRecord();
    return test();
  };

  return { findings, test, store, connect };
};

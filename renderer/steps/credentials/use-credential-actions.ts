import { useState } from 'react';
import type { CheckFinding, StorableCredentialKind } from '../../../shared/contract';
import { useApp } from '../../store/context';

/**
 * Store a secret (read from the field at the last moment), test the connection, connect OAuth.
 * Each answer carries the fresh record, which the store keeps; nothing is re-read afterwards.
 */
export const useCredentialActions = (targetId: string) => {
  const run = useApp((s) => s.run);
  const [findings, setFindings] = useState<readonly CheckFinding[] | null>(null);

  const test = async (): Promise<boolean> => {
    // The last run's findings go while the new run goes: nothing on screen is older than the run.
    setFindings(null);
    const result = await run('checks.run', { target_id: targetId }, 'Testing the connection');
    if (result === null) return false;
    setFindings(result.findings);
    return true;
  };

  const store = async (kind: StorableCredentialKind, secret: string, consumerKey?: string): Promise<boolean> => {
    if (secret === '') return false;
    const input = consumerKey === undefined ? { target_id: targetId, kind, secret } : { target_id: targetId, kind, secret, consumer_key: consumerKey };
    return (await run('credentials.store', input, 'Storing the credential in the keychain')) !== null;
  };

  const connect = async (): Promise<boolean> => {
    const done = await run('oauth.connect', { target_id: targetId }, 'Waiting for the OAuth sign-in in the browser');
    return done === null ? false : test();
  };

  return { findings, test, store, connect };
};

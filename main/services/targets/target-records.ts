import type { TargetRecord } from '../../../shared/contract/targets';
import type { CheckResults, CredentialState } from '../../../shared/domain/checks';
import { radarEntriesFor, targetFacts } from '../../../shared/domain/radar-items';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import { isDataCenter } from '../../../shared/domain/target';
import { KeychainUnavailableError } from '../secrets/keytar-store';
import { accountFor, type SecretStore } from '../secrets/secret-store';
import type { StoredTarget } from '../settings/settings-data';
import { reviewSaveOf } from './record-revision';

/**
 * Account names in the keychain, or null when the keychain cannot be reached. Only names are
 * read: a listing never pulls a secret into memory.
 */
export const listAccounts = async (secrets: SecretStore): Promise<ReadonlySet<string> | null> => {
  try {
    return new Set(await secrets.accounts());
  } catch (cause) {
    if (cause instanceof KeychainUnavailableError) return null;
    throw cause;
  }
};

/**
 * What the UI may know about the Bitbucket credential: stored (and not rejected), rejected (stored
 * but the provider answered 401 at the last check), or missing (none, or no keychain to ask).
 */
export const credentialState = (id: string, checks: CheckResults, accounts: ReadonlySet<string> | null): CredentialState => {
  if (accounts === null || !accounts.has(accountFor(id, 'bitbucket'))) return 'missing';
  return checks.auth?.status === 'rejected' || checks.auth?.status === 'retired' ? 'rejected' : 'stored';
};

export const toRecord = (stored: StoredTarget, accounts: ReadonlySet<string> | null): TargetRecord => {
  const review = reviewSaveOf(stored);
  return {
    target: stored.target,
    checks: stored.checks,
    credential: credentialState(stored.target.id, stored.checks, accounts),
    readiness: evaluateReadiness(stored.target, stored.checks),
    // The radar's dated entries (no judgement: the screen judges them against its own clock).
    radar: radarEntriesFor(targetFacts(stored, isDataCenter(stored.target) ? stored.target.ca : undefined)),
    ...(review === undefined ? {} : { review }),
  };
};

/** The record of a stored target as the keychain stands now: what every mutating method answers. */
export const freshRecord = async (secrets: SecretStore, stored: StoredTarget): Promise<TargetRecord> => toRecord(stored, await listAccounts(secrets));

/** By id first, then by name (case-insensitive): the CLI's `--target NAME` and the UI's id. */
export const findStored = (targets: readonly StoredTarget[], ref: string): StoredTarget | undefined =>
  targets.find((t) => t.target.id === ref) ?? targets.find((t) => t.target.name.trim().toLocaleLowerCase('en') === ref.trim().toLocaleLowerCase('en'));

import type { HealthReport } from '../../shared/contract';
import { PRIVATE_KEYRING_NOTE } from '../../shared/contract/health-notes';
import { describeError } from '../../shared/errors/catalog';

/**
 * What the keychain means for the credentials of this run: a lasting warning with the way out
 * when there is none, the "gone when this run stops" note for a private keyring, nothing otherwise.
 */
export const KeychainNotice = ({ health }: { readonly health: HealthReport | null }) => {
  if (health === null) return null;
  if (health.keychain.status === 'unavailable') {
    return (
      <div className="notice" data-keychain="unavailable">
        <p>
          <strong>No keychain: credentials cannot be stored.</strong> {health.keychain.reason} <code>KEYCHAIN_UNAVAILABLE</code>
        </p>
        <p>
          <strong>Way out:</strong> {describeError('KEYCHAIN_UNAVAILABLE').fix}
        </p>
      </div>
    );
  }
  if (health.keychain.store === 'private_session') {
    return (
      <p className="notice" data-keychain="private_session">
        {PRIVATE_KEYRING_NOTE}
      </p>
    );
  }
  return null;
};

import { canPerform } from '../../../shared/domain/step-graph';
import { BlockedState } from '../../components/BlockedState';
import { KeychainNotice } from '../../components/KeychainNotice';
import { useApp } from '../../store/context';
import { factsOf } from '../../store/state';
import { CredentialForm } from './CredentialForm';

/** Step 4: the credential, write-only, into the keychain; disabled while the base URL is blocked. */
export const CredentialsStep = () => {
  const record = useApp((s) => s.record);
  const goTo = useApp((s) => s.goTo);
  const health = useApp((s) => s.health);
  if (record === null) return null;
  const gate = canPerform('store_credential', factsOf({ record }));
  return (
    <div>
      {!gate.open ? (
        gate.code !== undefined ? (
          <BlockedState code={gate.code} detail={gate.reason} onRetry={() => goTo(gate.after)} retryLabel="Go to the Target step" />
        ) : (
          <p className="notice">{gate.reason}</p>
        )
      ) : null}
      <KeychainNotice health={health} />
      <CredentialForm key={record.target.id} record={record} enabled={gate.open} />
    </div>
  );
};

import { useState } from 'react';
import type { TargetRecord } from '../../../shared/contract';
import { SecretField, useSecretField } from '../../components/SecretField';
import { SensitiveInput } from '../../components/SensitiveInput';
import { CloudAuthMethod, DataCenterAuthMethod } from '../../../shared/domain/vocabulary';
import { cloudDraft, dataCenterDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { ActionStatus } from '../ActionStatus';
import { HelpLink } from '../HelpLink';
import { useActionFocus } from '../use-action-focus';
import { CLOUD_AUTH, DATA_CENTER_AUTH, type AuthMethod } from './auth-methods';
import { AuthMethodChooser } from './AuthMethodChooser';
import { ConnectionSummary } from './ConnectionSummary';
import { FindingsList } from './FindingsList';
import { OAuthCallbackField } from './OAuthCallbackField';
import { TokenOwnerConfirmation } from './TokenOwnerConfirmation';
import { useCredentialActions } from './use-credential-actions';

const CREDENTIAL_TEXT: Record<TargetRecord['credential'], string> = {
  stored: 'A credential is stored in the OS keychain.',
  missing: 'No credential stored yet.',
  rejected: 'The stored credential was rejected by the provider: enter a new one.',
};

export const CredentialForm = ({ record, enabled }: { readonly record: TargetRecord; readonly enabled: boolean }) => {
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const t = record.target;
  const cloud = t.provider_key === 'bitbucket_cloud_issues';
  const methods = cloud ? CLOUD_AUTH : DATA_CENTER_AUTH;
  const [method, setMethod] = useState<AuthMethod>(t.auth_method ?? methods[0]?.value ?? 'api_token');
  const info = methods.find((m) => m.value === method) ?? methods[0];
  const [account, setAccount] = useState((cloud ? t.account_email : t.username) ?? '');
  const [consumerKey, setConsumerKey] = useState('');
  const [callback, setCallback] = useState(cloud ? (t.oauth_callback_url ?? '') : '');
  const secret = useSecretField();
  const actions = useCredentialActions(t.id);
  const disabled = !enabled || busy !== null;
  const { statusRef, resultRef, phase, act } = useActionFocus<HTMLDivElement>();

  const saveMethod = async (): Promise<boolean> => {
    const who = account.trim() === '' ? undefined : account.trim();
    if (t.provider_key === 'bitbucket_cloud_issues') {
      const m = CloudAuthMethod.safeParse(method);
      if (!m.success) return false;
      const oauth_callback_url = m.data === 'oauth' && callback.trim() !== '' ? callback.trim() : t.oauth_callback_url;
      return saveDraft({ ...cloudDraft(t), auth_method: m.data, account_email: m.data === 'api_token' ? who : undefined, oauth_callback_url }, 'Recording the auth method');
    }
    const m = DataCenterAuthMethod.safeParse(method);
    if (!m.success) return false;
    return saveDraft({ ...dataCenterDraft(t), auth_method: m.data, username: m.data === 'basic' ? who : undefined }, 'Recording the auth method');
  };
  const storeAndTest = async () => {
    const value = secret.take();
    if (!(await saveMethod())) return;
    const kind = method === 'oauth' ? 'oauth_consumer' : 'bitbucket';
    if (!(await actions.store(kind, value, method === 'oauth' ? consumerKey.trim() : undefined))) return;
    if (method !== 'oauth') await actions.test();
  };

  // The sign-in listens on the stored callback URL: record what the field holds first.
  const connect = async () => {
    if (cloud && callback.trim() !== (t.oauth_callback_url ?? '') && !(await saveMethod())) return;
    await actions.connect();
  };

  if (info === undefined) return null;
  return (
    <div>
      <p className="muted" role="status">
        {CREDENTIAL_TEXT[record.credential]}
      </p>
      <AuthMethodChooser methods={methods} value={method} onChange={setMethod} disabled={disabled} />
      {info.retired === true ? (
        <div className="notice" data-retired="app_password">
          <p>{info.note}</p>
          <button type="button" onClick={() => setMethod('api_token')}>
            Use an API token instead
          </button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(storeAndTest);
          }}
        >
          {info.account !== undefined ? (
            <div className="field">
              <label htmlFor="auth-account">{info.account === 'account_email' ? 'Atlassian account e-mail' : 'User name'}</label>
              <SensitiveInput id="auth-account" type={info.account === 'account_email' ? 'email' : 'text'} value={account} onChange={setAccount} disabled={disabled} />
            </div>
          ) : null}
          {method === 'oauth' ? (
            <>
              <OAuthCallbackField value={callback} onChange={setCallback} disabled={disabled} />
              <div className="field">
                <label htmlFor="oauth-key">OAuth consumer key</label>
                <SensitiveInput id="oauth-key" value={consumerKey} onChange={setConsumerKey} disabled={disabled} />
              </div>
            </>
          ) : null}
          <SecretField id="auth-secret" label={info.secretLabel ?? 'Secret'} inputRef={secret.ref} disabled={disabled} hint="Paste it here." />
          {info.grant !== undefined ? <p className="hint">{info.grant}</p> : null}
          {(info.help ?? []).filter((id) => id !== 'oauthConsumer').map((id) => (
            <HelpLink key={id} id={id} what="How to create it:" />
          ))}
          <div className="button-row">
            <button type="submit" disabled={disabled}>
              {method === 'oauth' ? 'Store the consumer' : 'Store and test connection'}
            </button>
            {method === 'oauth' ? (
              <button type="button" onClick={() => void act(connect)} disabled={disabled}>
                Connect (opens the system browser)
              </button>
            ) : null}
            <button type="button" className="button-secondary" onClick={() => void act(actions.test)} disabled={disabled || record.credential === 'missing'}>
              Test connection
            </button>
            <ActionStatus statusRef={statusRef} phase={phase} done="Done: the connection result is below." />
          </div>
        </form>
      )}
      {t.provider_key === 'bitbucket_cloud_issues' && t.auth_method === 'access_token' ? <TokenOwnerConfirmation target={t} /> : null}
      <div ref={resultRef} tabIndex={-1} aria-labelledby="connection-title" role="region" data-result-for="checks.run">
        <h3 id="connection-title" className="section-title">
          Connection
        </h3>
        <ConnectionSummary checks={record.checks} />
        {actions.findings !== null ? <FindingsList findings={actions.findings} onRetry={() => void act(actions.test)} /> : null}
      </div>
    </div>
  );
};

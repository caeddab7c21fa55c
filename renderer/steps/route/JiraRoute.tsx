import { UserinfoRefusal, userinfoBlocks } from '../../components/UserinfoRefusal';
import { useState } from 'react';
import type { CheckFinding, TargetRecord } from '../../../shared/contract';
import { JiraFlavor } from '../../../shared/domain/vocabulary';
import { SecretField, useSecretField } from '../../components/SecretField';
import { SensitiveInput } from '../../components/SensitiveInput';
import { toDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { ActionStatus } from '../ActionStatus';
import { FindingsList } from '../credentials/FindingsList';
import { HelpLink } from '../HelpLink';
import { UnsavedCue } from '../UnsavedCue';
import { useActionFocus } from '../use-action-focus';
import { useUnsaved } from '../use-unsaved';
import { authMethodsFor, formOf, handoffOf, JIRA_AUTH_LABELS, type JiraForm } from './jira-form';
import { JiraResult } from './JiraResult';
import { JiraProjectFields } from './JiraProjectFields';

/** Jira export: site or base URL, auth, project and issue type, all checked against Jira live. */
export const JiraRoute = ({ record }: { readonly record: TargetRecord }) => {
  const run = useApp((s) => s.run);
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const [form, setForm] = useState<JiraForm>(() => formOf(record.target.jira));
  const [findings, setFindings] = useState<readonly CheckFinding[] | null>(null);
  const secret = useSecretField();
  const { statusRef, resultRef, phase, act } = useActionFocus<HTMLDivElement>();
  const set = (patch: Partial<JiraForm>) => setForm((f) => ({ ...f, ...patch }));
  const methods = authMethodsFor(form.flavor);
  const savedForm = formOf(record.target.jira);
  const differs = (k: keyof JiraForm): boolean => form[k].trim() !== savedForm[k].trim();
  const unsaved = useUnsaved('route', {
    'Jira flavor': differs('flavor'),
    'Site or base URL': differs('base_url'),
    Authentication: differs('auth_method'),
    'Account e-mail': form.flavor === 'cloud' && differs('account_email'),
    'Cloud ID': form.auth_method === 'scoped_api_token' && differs('cloud_id'),
    'Project key': form.project_key.trim().toUpperCase() !== savedForm.project_key,
    'Issue type': differs('issue_type'),
  });
  const id = record.target.id;

  const check = async () => {
    // The last check's findings go while the new one runs.
    setFindings(null);
    const result = await run('jira.check', { target_id: id }, 'Checking the Jira handoff');
    if (result !== null) setFindings(result.findings);
  };
  const saveAndCheck = async () => {
    const value = secret.take();
    if (!(await saveDraft({ ...toDraft(record.target), jira: handoffOf(form) }, 'Saving the Jira handoff'))) return;
    if (value !== '') {
      const stored = await run('credentials.store', { target_id: id, kind: 'jira', secret: value }, 'Storing the Jira token in the keychain');
      if (stored === null) return;
    }
    await check();
  };

  return (
    <div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(saveAndCheck);
        }}
      >
        <fieldset>
          <legend>Jira flavor</legend>
          {JiraFlavor.options.map((f) => (
            <label key={f} className="check-label" htmlFor={`jira-flavor-${f}`}>
              <input id={`jira-flavor-${f}`} type="radio" name="jira-flavor" checked={form.flavor === f} onChange={() => set({ flavor: f, auth_method: authMethodsFor(f)[0] ?? 'api_token' })} />
              {f === 'cloud' ? 'Jira Cloud (site URL such as https://your-site.atlassian.net)' : 'Jira Data Center (your base URL)'}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="jira-url">{form.flavor === 'cloud' ? 'Site URL' : 'Base URL'}</label>
          <SensitiveInput id="jira-url" type="url" value={form.base_url} onChange={(v) => set({ base_url: v })} describedBy="jira-url-hint" />
          <p id="jira-url-hint" className="hint">
            https only; it passes the same URL-safety checks as a Bitbucket Data Center host.
          </p>
          <UserinfoRefusal id="jira-url-userinfo" url={form.base_url} />
        </div>
        <div className="field">
          <label htmlFor="jira-auth">Authentication</label>
          <select id="jira-auth" value={form.auth_method} onChange={(e) => set({ auth_method: methods.find((m) => m === e.target.value) ?? form.auth_method })}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {JIRA_AUTH_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        {form.flavor === 'cloud' ? (
          <div className="field">
            <label htmlFor="jira-email">Atlassian account e-mail</label>
            <SensitiveInput id="jira-email" type="email" value={form.account_email} onChange={(v) => set({ account_email: v })} />
          </div>
        ) : null}
        {form.auth_method === 'scoped_api_token' ? (
          <div className="field">
            <label htmlFor="jira-cloud-id">Cloud ID of the site</label>
            <SensitiveInput id="jira-cloud-id" value={form.cloud_id} onChange={(v) => set({ cloud_id: v })} />
          </div>
        ) : null}
        <SecretField id="jira-secret" label={form.flavor === 'cloud' ? 'Jira API token' : 'Personal access token'} inputRef={secret.ref} disabled={busy !== null} hint="Leave empty to keep the stored one." />
        <HelpLink
          id={form.auth_method === 'personal_access_token' ? 'jiraPersonalAccessToken' : 'jiraApiToken'}
          what={form.auth_method === 'scoped_api_token' ? 'Create it with scopes: choose Jira as the app and grant read:jira-user and read:jira-work (WebRiskOps also needs write:jira-work to create issues).' : 'How to create it:'}
        />
        <JiraProjectFields record={record} projectKey={form.project_key} onProjectKey={(v) => set({ project_key: v })} issueType={form.issue_type} onIssueType={(v) => set({ issue_type: v })} />
        <UnsavedCue id="jira-unsaved" fields={unsaved} then="Save and check Jira records them, then checks them live." />
        <div className="button-row">
          <button type="submit" disabled={busy !== null || form.base_url.trim() === '' || userinfoBlocks(form.base_url)}>
            Save and check Jira
          </button>
          <ActionStatus statusRef={statusRef} phase={phase} done="Checked: the Jira result is below." />
        </div>
      </form>
      <div ref={resultRef} tabIndex={-1} data-result-for="jira.check">
        {record.checks.jira !== undefined ? <JiraResult jira={record.checks.jira} onRetry={() => void act(saveAndCheck)} /> : null}
        {findings !== null ? <FindingsList findings={findings} /> : null}
      </div>
    </div>
  );
};

import type { ReactNode } from 'react';
import type { TargetConfig } from '../../../shared/domain/target';
import { PROVIDER_LABELS } from '../../app/labels';
import { Masked } from '../../safe-mode/Masked';
import { CLOUD_AUTH, DATA_CENTER_AUTH } from '../credentials/auth-methods';
import { CONFIRMATION_ITEMS } from '../confirmations/confirmation-items';
import { ALLOWLIST_OPTIONS } from '../target/allowlist-options';
import { JIRA_AUTH_LABELS } from '../route/jira-form';

const Row = ({ term, field, children }: { readonly term: string; readonly field: string; readonly children: ReactNode }) => (
  <div data-field={field}>
    <dt>
      {term} <code className="field-name">{field}</code>
    </dt>
    <dd>{children}</dd>
  </div>
);

const NOT_SET = <span className="muted">not set</span>;
const masked = (text: string | undefined) => (text === undefined ? NOT_SET : <Masked text={text} />);

/** What Save stores and the bundle carries: every field of the target, in plain words first, the field name second. */
export const ReviewConfig = ({ target }: { readonly target: TargetConfig }) => {
  const cloud = target.provider_key === 'bitbucket_cloud_issues';
  const auth = [...CLOUD_AUTH, ...DATA_CENTER_AUTH].find((m) => m.value === target.auth_method);
  const jira = target.jira;
  return (
    <dl className="facts review-config" aria-label="Configuration to be saved">
      <Row term="Name" field="name">
        <Masked text={target.name} />
      </Row>
      <Row term="Provider" field="provider_key">
        {PROVIDER_LABELS[target.provider_key]}
      </Row>
      <Row term="Base URL" field="base_url">
        {masked(target.base_url)}
      </Row>
      <Row term={cloud ? 'Workspace' : 'Project key'} field="workspace">
        {masked(target.workspace)}
      </Row>
      <Row term="Repository" field="repository_slug">
        {masked(target.repository_slug)}
      </Row>
      <Row term="Authentication" field="auth_method">
        {auth?.label ?? NOT_SET}
      </Row>
      {target.provider_key === 'bitbucket_data_center_issues' ? (
        <>
          <Row term="How WebRiskOps reaches the host" field="allowlist_status">
            {ALLOWLIST_OPTIONS.find((o) => o.value === target.allowlist_status)?.label ?? NOT_SET}
            {target.allowlist_status === 'allowlisted' ? (target.private_address_acknowledged ? ' (private address acknowledged)' : ' (private address not acknowledged)') : ''}
          </Row>
          <Row term="Corporate CA" field="ca">
            {target.ca?.certificates[0] === undefined ? (
              'none: the system certificates only'
            ) : (
              <>
                <Masked text={target.ca.certificates[0].subject} />
                <br />
                <code>{target.ca.certificates[0].fingerprint_sha256}</code>
              </>
            )}
          </Row>
          <Row term="Confirmations" field="confirmations">
            <ul className="plain-list">
              {CONFIRMATION_ITEMS.map((item) => {
                const c = target.confirmations[item.key];
                return (
                  <li key={item.key}>
                    {item.label} {c === undefined ? NOT_SET : <>— <Masked text={c.confirmed_by} whole />, {c.confirmed_at.slice(0, 10)}</>}
                  </li>
                );
              })}
            </ul>
          </Row>
        </>
      ) : null}
      <Row term="Where the work goes" field="issue_workflow">
        {target.issue_workflow === 'native'
          ? `Bitbucket Cloud issues${target.component !== undefined ? `, component ${target.component}` : ''}${target.priority !== undefined ? `, priority ${target.priority}` : ''}`
          : target.issue_workflow === 'portable'
            ? `Portable export, ${target.portable?.format.toUpperCase() ?? 'no format'}`
            : target.issue_workflow === 'jira'
              ? 'Jira export'
              : NOT_SET}
      </Row>
      {target.issue_workflow === 'jira' && jira !== undefined ? (
        <Row term="Jira" field="jira">
          <Masked text={jira.base_url} /> · project {masked(jira.project_key)} · issue type {jira.issue_type ?? NOT_SET} · {JIRA_AUTH_LABELS[jira.auth_method]}
        </Row>
      ) : null}
    </dl>
  );
};

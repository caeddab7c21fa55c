import type { ProviderKey } from '../../../shared/domain/vocabulary';
import { DEPLOYMENT_LABELS, PROVIDER_LABELS } from '../../app/labels';
import { useProviderSwitch } from '../../components/ProviderSwitchConfirm';
import { useApp } from '../../store/context';
import { ActionStatus } from '../ActionStatus';
import { useActionFocus } from '../use-action-focus';

const CHOICES: ReadonlyArray<{ key: ProviderKey; blurb: string }> = [
  {
    key: 'bitbucket_cloud_issues',
    blurb: 'bitbucket.org workspaces. Native issues only where the repository still has a working tracker; otherwise Jira or portable export.',
  },
  {
    key: 'bitbucket_data_center_issues',
    blurb: 'Your own Bitbucket Data Center or Server host, checked from inside your network. Work goes to Jira or portable export.',
  },
];

/** Step 1: the provider is recorded (with its deployment mode) before anything else is asked. */
export const ProviderStep = () => {
  const record = useApp((s) => s.record);
  const busy = useApp((s) => s.busy);
  const chosen = record?.target.provider_key;
  const { statusRef, resultRef, phase, act } = useActionFocus<HTMLParagraphElement>();
  const providerSwitch = useProviderSwitch((choose) => void act(choose));
  return (
    <div>
      <p>Choose where the repositories live. Nothing else is asked until this is recorded.</p>
      <div className="choice-grid" role="group" aria-label="Provider">
        {CHOICES.map(({ key, blurb }) => (
          <button
            key={key}
            type="button"
            className="choice"
            aria-pressed={chosen === key}
            disabled={busy !== null}
            onClick={() => providerSwitch.request(key)}
          >
            <span className="choice-title">{PROVIDER_LABELS[key]}</span>
            <span className="choice-blurb">{blurb}</span>
          </button>
        ))}
      </div>
      <ActionStatus statusRef={statusRef} phase={phase} done="Provider recorded." />
      {providerSwitch.dialog}
      {record !== null ? (
        <p ref={resultRef} tabIndex={-1} className="result-line" role="status">
          Recorded: {PROVIDER_LABELS[record.target.provider_key]}, {DEPLOYMENT_LABELS[record.target.deployment_mode]}. Draft saved.{' '}
          <span className="field-name">
            (<code>provider_key</code> = <code>{record.target.provider_key}</code>, <code>deployment_mode</code> = <code>{record.target.deployment_mode}</code>)
          </span>
        </p>
      ) : null}
    </div>
  );
};

import { useRef, useState, type RefObject } from 'react';
import type { TargetRecord } from '../../../shared/contract';
import { evaluateInstanceReadiness } from '../../../shared/domain/instance-readiness';
import { targetHost } from '../../../shared/domain/target-host';
import { CodeChip } from '../../components/CodeChip';
import { VerdictBadge } from '../../components/VerdictBadge';
import { lazyPart } from '../../components/lazy-part';
import { DEPLOYMENT_LABELS, PROVIDER_LABELS } from '../../app/labels';
import { useMask } from '../../safe-mode/use-mask';
import { useApp } from '../../store/context';
import { isRunning } from '../../store/state';
import { checkedTimeText, lastCheckedAt } from './card-facts';
import { DeleteConfirm } from './DeleteConfirm';
import { RenameForm } from './RenameForm';
import { useTargetManagement } from './use-target-management';

type Open = 'none' | 'rename' | 'delete';

/** The instance steps are done: the rule bulk onboarding itself applies (shared/domain/instance-readiness.ts). */
const instanceReady = ({ target, checks }: TargetRecord): boolean => evaluateInstanceReadiness(target, checks).verdict === 'ready';

// The radar badge (it judges the record's dated entries) and "Request network access" are lazy
// chunks, so the first screen's initial JavaScript stays within its goal: each appears once its
// chunk has arrived, right after the cards.
const RadarBadge = lazyPart(async () => (await import('../../components/RadarBadge')).RadarBadge);
const NetworkRequestPanel = lazyPart(async () => (await import('../../components/NetworkRequestPanel')).NetworkRequestPanel);

/** Focus moves to the list's heading once a card is gone, so the keyboard is not left on nothing. */
export const SAVED_TARGETS_HEADING = 'saved-targets-title';

/**
 * One saved target: its name, host, repository and when it was last checked; its readiness and
 * blocking codes; and what the admin can do with it (continue, re-run every check, rename,
 * duplicate without secrets, delete with its keychain entries after a confirmation).
 */
export const TargetCard = ({ record }: { readonly record: TargetRecord }) => {
  const editTarget = useApp((s) => s.editTarget);
  const openBulk = useApp((s) => s.openBulk);
  const busy = useApp((s) => s.busy !== null);
  const checking = useApp((s) => isRunning(s, 'checks.run') || isRunning(s, 'url.checkTarget'));
  const manage = useTargetManagement(record);
  const [open, setOpen] = useState<Open>('none');
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const mask = useMask();
  const { target, readiness, checks } = record;
  const headingId = `target-${target.id}`;
  const name = mask(target.name);
  const host = targetHost(target);
  const path = target.workspace !== undefined && target.repository_slug !== undefined ? `${target.workspace}/${target.repository_slug}` : null;
  const checkedAt = lastCheckedAt(checks);
  const close = (back: RefObject<HTMLButtonElement | null>) => {
    setOpen('none');
    // After the state change has rendered the button again.
    queueMicrotask(() => back.current?.focus());
  };
  return (
    <li className="target-card" aria-labelledby={headingId}>
      <div className="target-card-head">
        <h4 id={headingId}>{name}</h4>
        <VerdictBadge verdict={readiness.verdict} />
      </div>
      <p className="muted">
        {PROVIDER_LABELS[target.provider_key]} · {DEPLOYMENT_LABELS[target.deployment_mode]}
      </p>
      <dl className="card-facts">
        <div>
          <dt>Host</dt>
          <dd data-fact="host">{host === null ? 'no base URL yet' : mask(host)}</dd>
        </div>
        <div>
          <dt>{target.provider_key === 'bitbucket_cloud_issues' ? 'Workspace / repository' : 'Project / repository'}</dt>
          <dd data-fact="repository">{path === null ? 'not entered yet' : mask(path)}</dd>
        </div>
        {target.issue_workflow !== undefined ? (
          <div>
            <dt>Route</dt>
            <dd>{target.issue_workflow}</dd>
          </div>
        ) : null}
        <div>
          <dt>Last checked</dt>
          <dd data-fact="last-checked">{checkedAt === null ? 'not checked yet' : <time dateTime={checkedAt}>{checkedTimeText(checkedAt)}</time>}</dd>
        </div>
      </dl>
      {readiness.blocking.length > 0 ? (
        <>
          <p className="label">Blocking codes</p>
          <ul className="code-list" aria-label={`Blocking codes of ${name}`}>
            {readiness.blocking.map((code) => (
              <li key={code}>
                <CodeChip code={code} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No blocking codes.</p>
      )}
      <RadarBadge record={record} />
      <NetworkRequestPanel record={record} />
      <div className="button-row" role="group" aria-label={`Actions for ${name}`}>
        <button type="button" onClick={() => void editTarget(target.id)}>
          Continue setup<span className="visually-hidden"> of {name}</span>
        </button>
        <button type="button" className="button-secondary" disabled={busy} aria-busy={checking} onClick={() => void manage.recheck()}>
          Re-run all checks<span className="visually-hidden"> of {name}</span>
        </button>
        {instanceReady(record) ? (
          <button type="button" className="button-secondary" onClick={() => openBulk(target.id)}>
            Many repositories<span className="visually-hidden"> of {name}</span>
          </button>
        ) : null}
        <button ref={renameButton} type="button" className="button-secondary" aria-expanded={open === 'rename'} onClick={() => setOpen('rename')}>
          Rename<span className="visually-hidden"> {name}</span>
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void manage.duplicate()}>
          Duplicate<span className="visually-hidden"> {name} without its credentials</span>
        </button>
        <button ref={deleteButton} type="button" className="button-secondary" aria-expanded={open === 'delete'} onClick={() => setOpen('delete')}>
          Delete<span className="visually-hidden"> {name}</span>
        </button>
      </div>
      {open === 'rename' ? (
        <RenameForm
          id={`${headingId}-rename`}
          current={target.name}
          label={`New name for ${name}`}
          onCancel={() => close(renameButton)}
          onSave={async (next) => {
            const done = await manage.rename(next);
            if (done) close(renameButton);
            return done;
          }}
        />
      ) : null}
      {open === 'delete' ? (
        <DeleteConfirm
          id={`${headingId}-delete`}
          name={name}
          onCancel={() => close(deleteButton)}
          onDelete={() =>
            void manage.remove().then((gone) => {
              if (gone) document.getElementById(SAVED_TARGETS_HEADING)?.focus();
              else setOpen('none');
            })
          }
        />
      ) : null}
    </li>
  );
};

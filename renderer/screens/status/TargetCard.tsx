import type { TargetRecord } from '../../../shared/contract';
import { CodeChip } from '../../components/CodeChip';
import { VerdictBadge } from '../../components/VerdictBadge';
import { DEPLOYMENT_LABELS, PROVIDER_LABELS } from '../../app/labels';
import { useMask } from '../../safe-mode/use-mask';
import { useApp } from '../../store/context';

/** One saved target: what it is, its readiness verdict and the codes that block it. */
export const TargetCard = ({ record }: { readonly record: TargetRecord }) => {
  const editTarget = useApp((s) => s.editTarget);
  const mask = useMask();
  const { target, readiness } = record;
  const headingId = `target-${target.id}`;
  const name = mask(target.name);
  return (
    <li className="target-card" aria-labelledby={headingId}>
      <div className="target-card-head">
        <h4 id={headingId}>
          {name}
        </h4>
        <VerdictBadge verdict={readiness.verdict} />
      </div>
      <p className="muted">
        {PROVIDER_LABELS[target.provider_key]} · {DEPLOYMENT_LABELS[target.deployment_mode]}
        {target.issue_workflow !== undefined ? ` · route: ${target.issue_workflow}` : ''}
      </p>
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
      <button type="button" onClick={() => void editTarget(target.id)}>
        Continue setup<span className="visually-hidden"> of {name}</span>
      </button>
    </li>
  );
};

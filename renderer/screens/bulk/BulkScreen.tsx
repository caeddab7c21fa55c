import { useState } from 'react';
import { BULK_DEFAULT_CONCURRENCY, BULK_MAX_CONCURRENCY, type BulkDiscovered } from '../../../shared/contract/bulk';
import { needsCheck, verdictTotals, type BulkPlan } from '../../../shared/domain/bulk-plan';
import { VerdictTotals } from '../../components/VerdictTotals';
import { useMask } from '../../safe-mode/use-mask';
import { useApp } from '../../store/context';
import { BulkExport } from './BulkExport';
import { CheckProgress } from './CheckProgress';
import { DiscoverForm } from './DiscoverForm';
import { withExcluded } from './plan-edit';
import { RepositoryTable } from './RepositoryTable';
import { useBulkCheck } from './use-bulk-check';

// "Many repositories" (docs/bulk-onboarding.md): one saved target whose instance steps are done,
// every repository its credential can see, each checked in a background job (count, rate, ETA,
// cancel, resume), one signed bundle for them all. The plan lives here while the screen is open.

export const BulkScreen = () => {
  const openStatus = useApp((s) => s.openStatus);
  const id = useApp((s) => s.bulkTargetId);
  const record = useApp((s) => s.targets.find((t) => t.target.id === s.bulkTargetId) ?? null);
  const mask = useMask();
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const [found, setFound] = useState<Omit<BulkDiscovered, 'plan'> | null>(null);
  const [concurrency, setConcurrency] = useState(BULK_DEFAULT_CONCURRENCY);
  const check = useBulkCheck(setPlan);

  if (id === null || record === null) return <p className="muted">No target chosen.</p>;
  const checking = check.job !== null;
  const included = plan?.repositories.filter((r) => !r.excluded).length ?? 0;
  const left = plan?.repositories.filter(needsCheck).length ?? 0;
  const resuming = left > 0 && left < included;

  const discovered = (d: BulkDiscovered) => {
    const { plan: fresh, ...facts } = d;
    setPlan(fresh);
    setFound(facts);
    check.forget();
  };
  const back = async () => {
    if (checking) await check.cancel();
    await openStatus();
  };

  return (
    <section aria-labelledby="bulk-title">
      <h2 id="bulk-title">Many repositories</h2>
      <p>
        Instance: <strong>{mask(record.target.name)}</strong>. Its connection, allowlist status, CA and credential are checked once; every repository the
        credential can see is listed here, checked one by one, and exported as one signed bundle.
      </p>
      <DiscoverForm targetId={id} disabled={checking} onDiscovered={discovered} />
      {plan !== null && found !== null ? (
        <>
          <h3 className="section-title">Repositories ({plan.repositories.length})</h3>
          <p className="hint" data-discovered={plan.repositories.length}>
            The credential sees {found.seen} repositories ({found.pages} pages read); {plan.repositories.length} match the filters.
          </p>
          {found.truncated ? <p className="notice">The listing stopped at its page limit: more repositories exist than were read. Narrow it by project.</p> : null}
          <VerdictTotals totals={verdictTotals(plan.repositories)} />
          <RepositoryTable repositories={plan.repositories} onExclude={(indexes, excluded) => setPlan((p) => (p === null ? p : withExcluded(p, indexes, excluded)))} disabled={checking} />
          <h3 className="section-title">Check</h3>
          <div className="field">
            <label htmlFor="bulk-concurrency">Checks at once</label>
            <input
              id="bulk-concurrency"
              type="number"
              min={1}
              max={BULK_MAX_CONCURRENCY}
              value={concurrency}
              disabled={checking}
              onChange={(e) => setConcurrency(Math.min(BULK_MAX_CONCURRENCY, Math.max(1, Math.trunc(Number(e.target.value)) || 1)))}
            />
          </div>
          <div className="button-row">
            <button type="button" onClick={() => void check.start(id, plan, concurrency)} disabled={checking || left === 0}>
              {checking ? 'Checking…' : left === 0 ? 'Every included repository is checked' : resuming ? `Resume: check the ${left} left` : `Check ${left} repositories`}
            </button>
            {checking ? (
              <button type="button" className="button-secondary" onClick={() => void check.cancel()}>
                Cancel the check
              </button>
            ) : null}
          </div>
          <CheckProgress progress={check.progress} pollError={check.pollError} />
          <BulkExport plan={plan} disabled={checking} />
        </>
      ) : null}
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => void back()}>
          Back to status
        </button>
      </div>
    </section>
  );
};

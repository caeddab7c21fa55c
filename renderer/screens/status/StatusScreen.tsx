import { lazyPart } from '../../components/lazy-part';
import { useApp } from '../../store/context';
import { ShortcutList } from './ShortcutList';
import { SAVED_TARGETS_HEADING, TargetCard } from './TargetCard';

// The health panel (keychain, signing key, proxy, versions) is a lazy chunk: it waits for its own
// call (health.report) anyway, so it is mounted once the report is in, and its chunk is fetched
// with the lazy screens after the first paint (app/screens.tsx), not during the first render.
export const HealthPanel = lazyPart(async () => (await import('./HealthPanel')).HealthPanel);

/** Screen 0: saved targets with readiness, and the ways in (add a target, review a bundle). */
export const StatusScreen = () => {
  const targets = useApp((s) => s.targets);
  const loaded = useApp((s) => s.targetsLoaded);
  const startWizard = useApp((s) => s.startWizard);
  const openReviewer = useApp((s) => s.openReviewer);
  const health = useApp((s) => s.health);
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">Integration status</h2>
      <div className="button-row">
        <button type="button" onClick={startWizard}>
          Add Bitbucket target
        </button>
        <button type="button" className="button-secondary" onClick={openReviewer}>
          Review a bundle
        </button>
      </div>
      <h3 className="section-title" id={SAVED_TARGETS_HEADING} tabIndex={-1}>
        Saved targets
      </h3>
      {!loaded ? null : targets.length === 0 ? (
        <p className="muted">No Bitbucket target yet. Add one to start.</p>
      ) : (
        <ul className="target-list" aria-labelledby={SAVED_TARGETS_HEADING}>
          {targets.map((record) => (
            <TargetCard key={record.target.id} record={record} />
          ))}
        </ul>
      )}
      {health === null ? null : <HealthPanel />}
      <ShortcutList />
    </section>
  );
};

import { useApp } from '../../store/context';
import { savedForExport } from '../../store/state';
import { ActionStatus } from '../ActionStatus';
import { useActionFocus } from '../use-action-focus';
import { useRecord } from '../use-target';
import { BlockingList } from './BlockingList';
import { ReadyStates } from './ReadyStates';
import { ReviewConfig } from './ReviewConfig';

/**
 * Step 7: the configuration Save stores, the readiness verdict as it really is, and Save (enabled
 * only when provider auth and network are ready). Export signs what this Save stored.
 */
export const ReviewStep = () => {
  const record = useRecord();
  const commitTarget = useApp((s) => s.commitTarget);
  const busy = useApp((s) => s.busy);
  const { statusRef, resultRef, phase, act } = useActionFocus<HTMLParagraphElement>();
  if (record === null) return null;
  const { readiness } = record;
  const saved = savedForExport(record);
  return (
    <div>
      <h3 className="section-title">Configuration to be saved</h3>
      <ReviewConfig target={record.target} />
      <h3 className="section-title">Ready states</h3>
      <ReadyStates readiness={readiness} />
      <h3 className="section-title">Blocking codes</h3>
      <BlockingList codes={readiness.blocking} exportReady={readiness.can_export} />
      {readiness.pending.length > 0 ? (
        <>
          <h3 className="section-title">Still to do</h3>
          <ul>
            {readiness.pending.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => void act(commitTarget)} disabled={!readiness.can_save || busy !== null} aria-describedby="save-why">
          Save target
        </button>
        <span id="save-why" className="muted">
          {readiness.can_save ? 'Provider auth and network checks are ready.' : 'Save is enabled only when provider auth and network checks are ready.'}
        </span>
        <ActionStatus statusRef={statusRef} phase={phase} done="Saved." />
      </div>
      {saved ? (
        <p ref={resultRef} tabIndex={-1} className="result-line" role="status">
          Saved. Verdict: {readiness.verdict}.{' '}
          {readiness.can_export ? 'Export signs this saved record.' : 'Export opens once the target is ready.'}
        </p>
      ) : (
        <p className="muted" data-save-needed="true">
          {record.review === undefined ? 'Export signs the saved record: save here first' : `Changed since it was saved here (${record.review.saved_at}): Export signs the saved record, so save again`}
          {readiness.can_export ? '.' : ', once the target is ready.'}
        </p>
      )}
    </div>
  );
};

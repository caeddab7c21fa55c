import { useState } from 'react';
import { toDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { useRecord } from '../use-target';
import { BlockingList } from './BlockingList';
import { ReadyStates } from './ReadyStates';

/** Step 7: the readiness verdict; Save is enabled only when provider auth and network are ready. */
export const ReviewStep = () => {
  const record = useRecord();
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const [saved, setSaved] = useState(false);
  if (record === null) return null;
  const { readiness } = record;
  const save = async () => setSaved(await saveDraft(toDraft(record.target), 'Saving the target'));
  return (
    <div>
      <h3 className="section-title">Ready states</h3>
      <ReadyStates readiness={readiness} />
      <h3 className="section-title">Blocking codes</h3>
      <BlockingList codes={readiness.blocking} />
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
        <button type="button" onClick={() => void save()} disabled={!readiness.can_save || busy !== null} aria-describedby="save-why">
          Save target
        </button>
        <span id="save-why" className="muted">
          {readiness.can_save ? 'Provider auth and network checks are ready.' : 'Save is enabled only when provider auth and network checks are ready.'}
        </span>
      </div>
      {saved ? (
        <p className="result-line" role="status">
          Saved. Verdict: {readiness.verdict}.
        </p>
      ) : null}
    </div>
  );
};

import { useEffect, useState } from 'react';
import type { BundleExportResult, SigningKeyView } from '../../../shared/contract';
import { BUNDLE_DEFAULT_EXPIRY_DAYS, BUNDLE_MAX_EXPIRY_DAYS } from '../../../shared/domain/bundle';
import { downloadText } from '../../components/download';
import { ExportedBundle, SummaryButton } from '../../components/ExportedBundle';
import { Fingerprint } from '../../components/Fingerprint';
import { useApp } from '../../store/context';
import { ActionStatus } from '../ActionStatus';
import { useActionFocus } from '../use-action-focus';
import { useRecord } from '../use-target';

/** Step 8: the signing key's fingerprint to read aloud, the expiry, and the bundle file. */
export const ExportStep = () => {
  const record = useRecord();
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const desktop = useApp((s) => s.info?.mode === 'desktop');
  const [key, setKey] = useState<SigningKeyView | null>(null);
  const [days, setDays] = useState(BUNDLE_DEFAULT_EXPIRY_DAYS);
  const [exported, setExported] = useState<BundleExportResult | null>(null);
  const { statusRef, resultRef, phase, act } = useActionFocus();
  const { statusRef: keyStatusRef, resultRef: keyResultRef, phase: keyPhase, act: keyAct } = useActionFocus<HTMLDivElement>();
  useEffect(() => {
    void run('signingKey.get', { create: false }, 'Reading the signing key').then((k) => {
      if (k !== null) setKey(k);
    });
  }, [run]);
  if (record === null) return null;
  const createKey = async () => {
    const k = await run('signingKey.get', { create: true }, 'Creating the signing key');
    if (k !== null) setKey(k);
  };
  const exportBundle = async () => {
    const result = await run('bundle.export', { id: record.target.id, expires_in_days: days }, 'Signing the bundle');
    if (result === null) return;
    setExported(result);
    downloadText(result.file_name, result.text);
  };
  return (
    <div>
      {key !== null && key.fingerprint !== null ? (
        <div ref={keyResultRef} tabIndex={-1} data-result-for="signingKey.get">
          <Fingerprint value={key.fingerprint} label="Signing key fingerprint" />
        </div>
      ) : (
        <div className="notice">
          <p>No signing key yet. One is created in the OS keychain on first use.</p>
          <button type="button" onClick={() => void keyAct(createKey)} disabled={busy !== null}>
            Create the signing key
          </button>
          <ActionStatus statusRef={keyStatusRef} phase={keyPhase} done="Signing key created." />
        </div>
      )}
      <p className="hint">Read this fingerprint to the reviewer over a separate channel; they pin it when they open the bundle.</p>
      <div className="field">
        <label htmlFor="expiry-days">Valid for (days)</label>
        <input
          id="expiry-days"
          type="number"
          min={1}
          max={BUNDLE_MAX_EXPIRY_DAYS}
          value={days}
          onChange={(e) => setDays(Math.min(BUNDLE_MAX_EXPIRY_DAYS, Math.max(1, Number(e.target.value) || 1)))}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          onClick={() => void act(exportBundle)}
          disabled={busy !== null || !record.readiness.can_export}
          aria-describedby={record.readiness.can_export ? undefined : 'export-why'}
        >
          Export and save the bundle file
        </button>
        <SummaryButton exported={exported} />
        <ActionStatus statusRef={statusRef} phase={phase} done="Exported: the file is saved." />
      </div>
      {record.readiness.can_export ? null : (
        <p id="export-why" className="notice" data-export-locked="true">
          Export is disabled: {record.readiness.blocking.length > 0 ? `blocked by ${record.readiness.blocking.join(', ')}` : record.readiness.pending.join(' ')}
        </p>
      )}
      {exported !== null ? (
        <section ref={resultRef} tabIndex={-1} aria-labelledby="export-done-title" data-result-for="bundle.export">
          <h3 id="export-done-title" className="section-title">
            Done: what to send to whom
          </h3>
          <ExportedBundle exported={exported} resultFor="bundle.export.file" />
          <p>
            The file went {desktop ? 'where you chose in the save dialog' : "to this browser's downloads folder"}; it expires {exported.expires_at.slice(0, 10)}.
          </p>
          <ol className="next-steps">
            <li>
              <strong>WebRiskOps:</strong> send the bundle file to whoever imports targets in WebRiskOps, or import it there yourself. It holds no secret.
            </li>
            <li>
              <strong>Security reviewer:</strong> read them the signing key fingerprint over a separate channel (a call, in person); they pin it when they open the
              bundle. Send them the printable summary too.
            </li>
            <li>
              <strong>Keep:</strong> the credential stays in this machine&apos;s keychain; nothing else needs sending.
            </li>
          </ol>
        </section>
      ) : null}
    </div>
  );
};

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
  const [key, setKey] = useState<SigningKeyView | null>(null);
  const [days, setDays] = useState(BUNDLE_DEFAULT_EXPIRY_DAYS);
  const [exported, setExported] = useState<BundleExportResult | null>(null);
  const { statusRef, resultRef, phase, act } = useActionFocus<HTMLDivElement>();
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
        <button type="button" onClick={() => void act(exportBundle)} disabled={busy !== null || !record.readiness.can_export}>
          Export and save the bundle file
        </button>
        <SummaryButton exported={exported} />
        <ActionStatus statusRef={statusRef} phase={phase} done="Exported: the file is saved." />
      </div>
      <ExportedBundle exported={exported} resultFor="bundle.export" resultRef={resultRef} />
    </div>
  );
};

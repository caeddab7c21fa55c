import { useEffect, useState } from 'react';
import type { BundleExportResult, SigningKeyView } from '../../../shared/contract';
import { evaluateBulkReadiness } from '../../../shared/domain/bulk-bundle';
import type { BulkPlan } from '../../../shared/domain/bulk-plan';
import { downloadText } from '../../components/download';
import { ExportedBundle, SummaryButton } from '../../components/ExportedBundle';
import { Fingerprint } from '../../components/Fingerprint';
import { useApp } from '../../store/context';

// Export: the checked plan signed into one version 2 bundle (bulk.export), with the signing key's
// fingerprint to read to the reviewer. Export waits until every included row has a finished verdict
// and one is ready — the rule the signer itself applies (evaluateBulkReadiness).

export const BulkExport = ({ plan, disabled }: { readonly plan: BulkPlan; readonly disabled: boolean }) => {
  const run = useApp((s) => s.run);
  const query = useApp((s) => s.query);
  const [key, setKey] = useState<SigningKeyView | null>(null);
  const [exported, setExported] = useState<BundleExportResult | null>(null);
  useEffect(() => {
    void query('signingKey.get', { create: false }).then((k) => {
      if (k.ok) setKey(k.value);
    });
  }, [query]);
  const readiness = evaluateBulkReadiness(plan.instance, plan.instance_checks, plan.repositories);
  const createKey = async () => {
    const k = await run('signingKey.get', { create: true }, 'Creating the signing key');
    if (k !== null) setKey(k);
  };
  const exportBundle = async () => {
    const r = await run('bulk.export', { plan }, 'Signing one bundle for the repositories');
    if (r === null) return;
    setExported(r);
    downloadText(r.file_name, r.text);
  };
  const hasKey = key !== null && key.fingerprint !== null;
  return (
    <section className="bulk-export" aria-labelledby="bulk-export-title">
      <h3 id="bulk-export-title" className="section-title">
        Export one bundle
      </h3>
      {hasKey ? (
        <Fingerprint value={key.fingerprint ?? ''} label="Signing key fingerprint" />
      ) : (
        <div className="notice">
          <p>No signing key yet. One is created in the OS keychain on first use (this export, or now).</p>
          <button type="button" onClick={() => void createKey()} disabled={disabled}>
            Create the signing key
          </button>
        </div>
      )}
      {readiness.verdict !== 'ready' && !disabled ? (
        <ul className="hint" aria-label="Before export">
          {[...readiness.blocking, ...readiness.pending].map((why) => (
            <li key={why}>{why}</li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => void exportBundle()} disabled={disabled || readiness.verdict !== 'ready'}>
          Export and save the bundle file
        </button>
        <SummaryButton exported={exported} />
      </div>
      <ExportedBundle exported={exported} resultFor="bulk.export" />
    </section>
  );
};

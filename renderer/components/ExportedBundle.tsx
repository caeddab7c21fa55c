import type { Ref } from 'react';
import type { BundleExportResult } from '../../shared/contract';
import { Masked } from '../safe-mode/Masked';
import { downloadText } from './download';
import { Fingerprint } from './Fingerprint';

// What an export produced, as the wizard's Export step and bulk onboarding show it.

/** The printable summary of the bundle just exported, to save next to it. */
export const SummaryButton = ({ exported }: { readonly exported: BundleExportResult | null }) =>
  exported !== null ? (
    <button type="button" className="button-secondary" onClick={() => downloadText(exported.summary_file_name, exported.summary_text, 'text/plain')}>
      Save the printable summary
    </button>
  ) : null;

/** The file saved, its expiry and the key that signed it; `resultRef` takes focus after the export. */
export const ExportedBundle = ({ exported, resultFor, resultRef }: { readonly exported: BundleExportResult | null; readonly resultFor: string; readonly resultRef?: Ref<HTMLDivElement> }) =>
  exported !== null ? (
    <div ref={resultRef} tabIndex={-1} className="result-line" role="status" data-result-for={resultFor}>
      <p>
        Saved <code>
          <Masked text={exported.file_name} whole />
        </code>
        . Expires {exported.expires_at}.
      </p>
      <Fingerprint value={exported.fingerprint} label="Signed with key" />
    </div>
  ) : null;

import { useRef, useState } from 'react';
import { CA_PEM_MAX_CHARS } from '../../../shared/domain/ca';
import type { DataCenterTarget } from '../../../shared/domain/target';
import { useMask } from '../../safe-mode/use-mask';
import { dataCenterDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { ActionStatus } from '../ActionStatus';
import { useActionFocus } from '../use-action-focus';
import { desktopCaPicker } from './pick-ca';

interface Props {
  readonly target: DataCenterTarget;
  readonly disabled: boolean;
}

/**
 * The corporate CA of a Data Center target: the certificate's subject, SHA-256 fingerprint and
 * expiry as stored, a way to choose one (the desktop app's file dialog, read in main; browser
 * mode's upload) and to remove it. The PEM text goes to `targets.save` (`ca_pem`), which judges
 * it: anything but X.509 certificates is CA_FILE_INVALID, on the error panel with its meaning and fix.
 */
export const CaChooser = ({ target, disabled }: Props) => {
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const mask = useMask();
  const upload = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const { statusRef, resultRef, phase, act } = useActionFocus<HTMLDListElement>();
  const first = target.ca?.certificates[0];
  const count = target.ca?.certificates.length ?? 0;
  const save = (caPem: string | null): Promise<void> =>
    act(() => saveDraft({ ...dataCenterDraft(target), ca_pem: caPem }, caPem === null ? 'Removing the corporate CA' : 'Saving the corporate CA'));
  const choose = async (): Promise<void> => {
    setRefused(null);
    const desktop = desktopCaPicker();
    if (desktop === null) {
      upload.current?.click();
      return;
    }
    const answer = await desktop();
    if (answer.state === 'chosen') await save(answer.text);
    else if (answer.state === 'refused') setRefused(answer.reason);
  };
  const off = disabled || busy !== null;
  return (
    <fieldset aria-describedby="dc-ca-hint">
      <legend>Corporate CA (optional)</legend>
      {first === undefined ? null : (
        <dl ref={resultRef} tabIndex={-1} className="facts" aria-label="Corporate CA">
          <div>
            <dt>Subject</dt>
            <dd>{mask(first.subject)}</dd>
          </div>
          <div>
            <dt>SHA-256 fingerprint</dt>
            <dd>
              <code>{first.fingerprint_sha256}</code>
            </dd>
          </div>
          <div>
            <dt>Expires</dt>
            <dd>{first.not_after.slice(0, 10)}</dd>
          </div>
          {count > 1 ? (
            <div>
              <dt>Certificates in the file</dt>
              <dd>{count}</dd>
            </div>
          ) : null}
        </dl>
      )}
      {target.ca_needs_choice === undefined ? null : (
        <p className="hint field-error" role="alert">
          CA_FILE_INVALID: choose the corporate CA again, or remove it. {target.ca_needs_choice.reason}
        </p>
      )}
      {refused === null ? null : (
        <p className="hint field-error" role="alert">
          CA_FILE_INVALID: {refused}. Choose the issuing CA&apos;s certificate as a PEM file.
        </p>
      )}
      <p id="dc-ca-hint" className="hint">
        A PEM file (-----BEGIN CERTIFICATE-----, at most 64 KB), trusted in addition to the system certificates. The app keeps its content, not its path.
      </p>
      <input
        ref={upload}
        id="dc-ca-file"
        className="visually-hidden"
        type="file"
        accept=".pem,.crt,.cer"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          setRefused(null);
          if (file === undefined) return;
          // The contract refuses more than 64 KB outright; say why here rather than send it.
          if (file.size > CA_PEM_MAX_CHARS) setRefused(`${file.name} is larger than ${CA_PEM_MAX_CHARS / 1024} KB`);
          else void file.text().then(save);
        }}
      />
      <div className="button-row">
        <button id="dc-ca-choose" type="button" className="button-secondary" disabled={off} onClick={() => void choose()}>
          {first === undefined ? 'Choose a CA file…' : 'Choose another CA file…'}
        </button>
        {target.ca === undefined && target.ca_needs_choice === undefined ? null : (
          <button type="button" className="button-secondary" disabled={off} onClick={() => void save(null)}>
            Remove the CA
          </button>
        )}
        <ActionStatus statusRef={statusRef} phase={phase} done={first === undefined ? 'No corporate CA: only the system certificates are trusted.' : 'Corporate CA saved.'} />
      </div>
    </fieldset>
  );
};

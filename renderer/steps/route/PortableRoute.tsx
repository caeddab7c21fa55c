import { useEffect, useState } from 'react';
import type { PortableSample, TargetRecord } from '../../../shared/contract';
import { PortableFormat } from '../../../shared/domain/vocabulary';
import { toDraft } from '../../store/draft';
import { useApp } from '../../store/context';

const FORMATS: ReadonlyArray<{ value: PortableFormat; label: string }> = [
  { value: 'json', label: 'JSON' },
  { value: 'csv', label: 'CSV' },
  { value: 'sarif', label: 'SARIF 2.1.0' },
];

/** Portable export: the file format, with a sample of what WebRiskOps would write. */
export const PortableRoute = ({ record }: { readonly record: TargetRecord }) => {
  const run = useApp((s) => s.run);
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const saved = record.target.portable?.format;
  const [format, setFormat] = useState<PortableFormat>(saved ?? 'json');
  const [sample, setSample] = useState<PortableSample | null>(null);
  useEffect(() => {
    let live = true;
    void run('portable.sample', { format }, 'Preparing a sample').then((s) => {
      if (live && s !== null) setSample(s);
    });
    return () => {
      live = false;
    };
  }, [run, format]);
  const save = () => void saveDraft({ ...toDraft(record.target), portable: { format } }, 'Recording the portable format');
  return (
    <div>
      <div className="field">
        <label htmlFor="portable-format">Format</label>
        <select id="portable-format" value={format} onChange={(e) => setFormat(PortableFormat.catch('json').parse(e.target.value))}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={save} disabled={busy !== null}>
        Use {format.toUpperCase()} for portable export
      </button>
      {saved !== undefined ? (
        <p className="result-line" role="status">
          Portable export configured: {saved.toUpperCase()}.
        </p>
      ) : null}
      {sample !== null ? (
        <>
          <h3 className="section-title">
            Sample: <code>{sample.file_name}</code>
          </h3>
          <pre className="preview" tabIndex={0} aria-label={`Sample ${sample.format} file`}>
            {sample.content}
          </pre>
        </>
      ) : null}
    </div>
  );
};

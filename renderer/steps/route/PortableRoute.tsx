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

/**
 * Portable export: the file format, with a sample of what WebRiskOps would write. The route choice
 * already recorded JSON; choosing another format records it at once (one commit, no extra button).
 */
export const PortableRoute = ({ record }: { readonly record: TargetRecord }) => {
  const run = useApp((s) => s.run);
  const saveDraft = useApp((s) => s.saveDraft);
  const saved = record.target.portable?.format;
  const [format, setFormat] = useState<PortableFormat>(saved ?? 'json');
  const [sample, setSample] = useState<PortableSample | null>(null);
  // The sample follows the recorded format, so it is asked only after the save answered (the store
  // runs one call at a time: a sample asked meanwhile would supersede the save's answer).
  const shown = saved ?? 'json';
  useEffect(() => {
    let live = true;
    void run('portable.sample', { format: shown }, 'Preparing a sample').then((s) => {
      if (live && s !== null) setSample(s);
    });
    return () => {
      live = false;
    };
  }, [run, shown]);
  const choose = (value: PortableFormat) => {
    setFormat(value);
    // Focus stays on the select (never disabled); the live line beside it says what is recorded.
    void saveDraft({ ...toDraft(record.target), portable: { format: value } }, 'Recording the portable format');
  };
  return (
    <div>
      <div className="field">
        <label htmlFor="portable-format">Format</label>
        {/* Not disabled while saving: disabling the focused select would drop keyboard focus to the page. */}
        <select id="portable-format" value={format} onChange={(e) => choose(PortableFormat.catch('json').parse(e.target.value))} aria-describedby="portable-saved">
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <p id="portable-saved" className={saved !== undefined ? 'result-line' : 'notice'} role="status">
        {saved !== undefined ? `Portable export configured: ${saved.toUpperCase()}.` : 'No format recorded yet: choose one.'}
      </p>
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

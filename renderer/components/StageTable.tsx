import type { StageRow } from '../steps/target/url-stages';
import { Masked } from '../safe-mode/Masked';

const STATUS_TEXT: Record<StageRow['status'], string> = {
  pending: 'Pending',
  running: 'Running…',
  passed: 'Passed',
  failed: 'Failed',
  skipped: 'Not run',
};

/** One row per check stage: status in words, timing, and the evidence (masked in safe mode). */
export const StageTable = ({ rows, caption }: { readonly rows: readonly StageRow[]; readonly caption: string }) => (
  <table className="check-table">
    <caption className="visually-hidden">{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Stage</th>
        <th scope="col">Status</th>
        <th scope="col">Time</th>
        <th scope="col">Evidence</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} data-stage={row.id} data-status={row.status}>
          <th scope="row">{row.title}</th>
          <td className={`status-${row.status}`}>{STATUS_TEXT[row.status]}</td>
          <td>{row.ms !== undefined ? `${Math.round(row.ms)} ms` : '—'}</td>
          <td>
            {row.evidence.length === 0
              ? '—'
              : row.evidence.map((line) => (
                  <div key={line}>
                    <code>
                      <Masked text={line} />
                    </code>
                  </div>
                ))}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

import type { RadarItem, RadarStatus } from '../../shared/domain/radar';
import { RADAR_STATUS_WORD } from '../../shared/domain/radar-judge';
import { Masked } from '../safe-mode/Masked';

// The expiry radar as a table: every item with its date, how the date is known and what to do;
// the ones due or past first in the word, the colour only repeating it.

const CLASS: Readonly<Record<RadarStatus, string>> = { past: 'blocked', due: 'incomplete', ok: 'ready', unknown: 'incomplete' };

const when = (i: RadarItem): string =>
  i.days_left === null ? 'no date' : i.days_left < 0 ? `${-i.days_left} days ago` : i.days_left === 0 ? 'today' : `in ${i.days_left} days`;

export const RadarList = ({ items, caption }: { readonly items: readonly RadarItem[]; readonly caption: string }) => (
  <table className="check-table" data-radar="list">
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Status</th>
        <th scope="col">Date</th>
        <th scope="col">What expires</th>
        <th scope="col">What to do</th>
      </tr>
    </thead>
    <tbody>
      {items.map((i) => (
        <tr key={`${i.kind}:${i.subject}`} data-radar-kind={i.kind} data-radar-status={i.status}>
          <td>
            <span className={`badge badge-${CLASS[i.status]}`}>{RADAR_STATUS_WORD[i.status]}</span>
          </td>
          <td>
            {i.date ?? '—'} <span className="hint">({when(i)})</span>
          </td>
          <td>
            <code>{i.kind}</code> <Masked text={i.subject} /> <span className="hint">[{i.basis}]</span>
          </td>
          <td>{i.action}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

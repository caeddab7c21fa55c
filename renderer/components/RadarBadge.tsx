import type { TargetRecord } from '../../shared/contract';
import type { RadarItem, RadarItemKind } from '../../shared/domain/radar';
import { isDue, judgeRadar, RADAR_DEFAULT_WITHIN_DAYS } from '../../shared/domain/radar-judge';

// The expiry radar on a status card: the one item that matters most (the earliest past or due
// one, else the next date), judged against today from the record's dated entries.

export const RADAR_KIND_LABELS: Readonly<Record<RadarItemKind, string>> = {
  certificate: 'TLS certificate',
  ca: 'Corporate CA',
  credential: 'Credential',
  oauth_refresh: 'OAuth refresh token',
  bundle: 'Bundle',
  release_support: 'Release support',
  platform_end_of_life: 'Data Center end of life',
};

/** The record's radar items, judged now; [] for a record without entries. */
export const recordRadar = (record: TargetRecord, now: Date = new Date()): RadarItem[] =>
  judgeRadar(record.radar ?? [], record.target.name, now, RADAR_DEFAULT_WITHIN_DAYS);

const headline = (items: readonly RadarItem[]): { state: 'past' | 'due' | 'ok'; item: RadarItem } | null => {
  const pressing = items.find((i) => i.status === 'past') ?? items.find(isDue);
  if (pressing !== undefined) return { state: pressing.status === 'past' ? 'past' : 'due', item: pressing };
  const next = items.find((i) => i.date !== null);
  return next === undefined ? null : { state: 'ok', item: next };
};

const CLASS = { past: 'badge-blocked', due: 'badge-incomplete', ok: 'badge-ready' } as const;

export const RadarBadge = ({ record }: { readonly record: TargetRecord }) => {
  const items = recordRadar(record);
  const top = headline(items);
  if (top === null) return null;
  const { state, item } = top;
  const label = RADAR_KIND_LABELS[item.kind];
  const due = items.filter(isDue).length;
  const text =
    state === 'past'
      ? `Expired: ${label} on ${item.date ?? ''}`
      : state === 'due'
        ? `Due ${item.date ?? ''}: ${label} (${item.days_left === 0 ? 'today' : item.days_left === 1 ? 'in 1 day' : `in ${item.days_left ?? 0} days`})`
        : `Next date: ${item.date ?? ''} ${label}`;
  return (
    <p className="radar-line" data-radar-badge={state} data-radar-kind={item.kind} data-radar-due={due}>
      <span className={`badge ${CLASS[state]}`} title={item.action}>
        {text}
      </span>
      {due > 1 ? <span className="muted"> and {due - 1} more due</span> : null}
      <span className="visually-hidden"> What to do: {item.action}</span>
    </p>
  );
};

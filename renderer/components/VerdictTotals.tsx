import type { VerdictTotals as Totals } from '../../shared/domain/bulk-plan';

// The per-verdict totals of bulk onboarding, in words, as the "Many repositories" screen and the
// reviewer show them (the same counts a version 2 bundle signs).

export type RowVerdict = keyof Totals | 'excluded';

export const VERDICT_LABELS: Readonly<Record<RowVerdict, string>> = {
  ready: 'Ready',
  archived: 'Archived',
  not_found: 'Not found',
  forbidden: 'Not readable',
  route_invalid: 'Route invalid',
  rate_limited: 'Rate limited (checked again next run)',
  error: 'Error (checked again next run)',
  unchecked: 'Not checked yet',
  excluded: 'Excluded',
};

/** The class a verdict's text takes: green for ready, red for a verdict against the repository, muted otherwise. */
export const verdictClass = (v: RowVerdict): string =>
  v === 'ready' ? 'verdict-ready' : v === 'unchecked' || v === 'excluded' || v === 'rate_limited' || v === 'error' ? 'muted' : 'verdict-other';

export const VerdictTotals = ({ totals }: { readonly totals: Totals }) => (
  <ul className="bulk-totals" aria-label="Verdict totals">
    {(Object.entries(totals) as Array<[keyof Totals, number]>)
      .filter(([, n]) => n > 0)
      .map(([v, n]) => (
        <li key={v} data-total={v}>
          <span className={verdictClass(v)}>{VERDICT_LABELS[v]}</span>: <strong>{n}</strong>
        </li>
      ))}
  </ul>
);

import type { Readiness } from '../../shared/domain/readiness';

const LABELS: Record<Readiness['verdict'], string> = {
  ready: 'Ready',
  blocked: 'Blocked',
  incomplete: 'Incomplete',
};

/** The readiness verdict as a badge; the word carries the meaning, the colour only repeats it. */
export const VerdictBadge = ({ verdict }: { readonly verdict: Readiness['verdict'] }) => (
  <span className={`badge badge-${verdict}`}>{LABELS[verdict]}</span>
);

import { lazy, Suspense } from 'react';
import type { TargetRecord } from '../../shared/contract';

// The radar badge on a status card judges the record's dated entries (shared/domain/radar-judge.ts):
// a lazy chunk, so the first screen's initial JavaScript stays within its goal; the badge appears
// as soon as the chunk has arrived, right after the cards.
const Badge = lazy(async () => ({ default: (await import('./RadarBadge')).RadarBadge }));

export const LazyRadarBadge = ({ record }: { readonly record: TargetRecord }) => (
  <Suspense fallback={null}>
    <Badge record={record} />
  </Suspense>
);

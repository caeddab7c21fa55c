import { lazy, Suspense } from 'react';
import type { TargetRecord } from '../../shared/contract';

// "Request network access" on the status cards: its panel is a lazy chunk, so the first screen's
// initial JavaScript stays within its goal; the button appears once the chunk has arrived.
const Panel = lazy(async () => ({ default: (await import('./NetworkRequestPanel')).NetworkRequestPanel }));

export const LazyNetworkRequestPanel = ({ record }: { readonly record: TargetRecord | null }) => (
  <Suspense fallback={null}>
    <Panel record={record} />
  </Suspense>
);

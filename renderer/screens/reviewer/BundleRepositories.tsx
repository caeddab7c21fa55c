import { useMemo, useState } from 'react';
import type { BulkBundlePayload } from '../../../shared/domain/bundle';
import { VERDICT_LABELS, VerdictTotals, verdictClass } from '../../components/VerdictTotals';
import { VirtualRows } from '../../components/VirtualRows';
import { useMask } from '../../safe-mode/use-mask';

type Repo = BulkBundlePayload['repositories'][number];

const routeText = (r: Repo): string => (r.route.workflow === 'jira' ? `Jira ${r.route.project_key} / ${r.route.issue_type}` : `portable ${r.route.format}`);

/** A version 2 bundle's repositories: the count, the per-verdict totals (as signed), and the list, searchable. */
export const BundleRepositories = ({ payload }: { readonly payload: BulkBundlePayload }) => {
  const mask = useMask();
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => payload.repositories.map((repo, index) => ({ repo, index })), [payload]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f === '' ? rows : rows.filter(({ repo: r }) => `${r.project}/${r.slug} ${r.verdict} ${VERDICT_LABELS[r.verdict]} ${routeText(r)}`.toLowerCase().includes(f));
  }, [rows, filter]);
  return (
    <section aria-labelledby="bundle-repos-title">
      <h3 id="bundle-repos-title" className="section-title" data-count={payload.repositories.length}>
        Repositories ({payload.repositories.length})
      </h3>
      <VerdictTotals totals={payload.totals} />
      <div className="field">
        <label htmlFor="bundle-repo-filter">Search repositories</label>
        <input id="bundle-repo-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} aria-describedby="bundle-repo-count" />
        <p className="hint" id="bundle-repo-count" aria-live="polite">
          {shown.length} of {payload.repositories.length} shown. Search by project, slug, route or verdict.
        </p>
      </div>
      <VirtualRows
        label="Repositories in the bundle"
        rows={shown}
        columns={3}
        rowKey={(r) => String(r.index)}
        rowData={({ repo: r }) => ({ 'data-repo': `${r.project}/${r.slug}`, 'data-verdict': r.verdict })}
        header={
          <>
            <th scope="col">Repository</th>
            <th scope="col">Route</th>
            <th scope="col">Verdict</th>
          </>
        }
        cells={({ repo: r }) => (
          <>
            <td>
              {mask(r.project)}/{mask(r.slug)}
            </td>
            <td>{routeText(r)}</td>
            <td className={verdictClass(r.verdict)} title={mask(r.detail)}>
              {VERDICT_LABELS[r.verdict]}
              {r.code === undefined ? '' : ` (${r.code})`}
            </td>
          </>
        )}
      />
    </section>
  );
};

import { useMemo, useState } from 'react';
import type { BulkRepository } from '../../../shared/domain/bulk-plan';
import { VERDICT_LABELS, verdictClass, type RowVerdict } from '../../components/VerdictTotals';
import { VirtualRows } from '../../components/VirtualRows';
import { useMask } from '../../safe-mode/use-mask';

// The repositories of a plan: a filter, select all (every row the filter shows, in view or not),
// one checkbox per row (ticked = included), and each row's verdict once checked. Only the rows in
// view are in the page (VirtualRows); the filter and select all act on the whole list.

export interface RepositoryTableProps {
  readonly repositories: readonly BulkRepository[];
  /** Sets `excluded` on the rows at these plan indexes. */
  readonly onExclude: (indexes: readonly number[], excluded: boolean) => void;
  readonly disabled?: boolean;
}

interface Row {
  readonly repo: BulkRepository;
  readonly index: number;
  readonly verdict: RowVerdict;
}

const verdictOf = (repo: BulkRepository): RowVerdict => repo.result?.verdict ?? (repo.excluded ? 'excluded' : 'unchecked');

export const RepositoryTable = ({ repositories, onExclude, disabled = false }: RepositoryTableProps) => {
  const mask = useMask();
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => repositories.map((repo, index): Row => ({ repo, index, verdict: verdictOf(repo) })), [repositories]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f === '' ? rows : rows.filter(({ repo, verdict }) => `${repo.project}/${repo.slug} ${verdict} ${VERDICT_LABELS[verdict]}`.toLowerCase().includes(f));
  }, [rows, filter]);
  const included = shown.filter(({ repo }) => !repo.excluded).length;
  return (
    <>
      <div className="field">
        <label htmlFor="bulk-filter">Filter repositories</label>
        <input id="bulk-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} aria-describedby="bulk-filter-count" />
        <p className="hint" id="bulk-filter-count" aria-live="polite">
          {shown.length} of {repositories.length} shown, {included} of them included. Filter by project, slug or verdict.
        </p>
      </div>
      <VirtualRows
        label="Repositories"
        rows={shown}
        columns={3}
        rowKey={(r) => String(r.index)}
        rowData={(r) => ({ 'data-repo': `${r.repo.project}/${r.repo.slug}`, 'data-verdict': r.verdict })}
        header={
          <>
            <th scope="col" className="cell-check">
              <input
                type="checkbox"
                aria-label="Include every repository shown"
                checked={shown.length > 0 && included === shown.length}
                ref={(el) => {
                  if (el !== null) el.indeterminate = included > 0 && included < shown.length;
                }}
                disabled={disabled || shown.length === 0}
                onChange={(e) => onExclude(shown.map((s) => s.index), !e.target.checked)}
              />
            </th>
            <th scope="col">Repository</th>
            <th scope="col">Verdict</th>
          </>
        }
        cells={({ repo, index, verdict }) => {
          const name = `${mask(repo.project)}/${mask(repo.slug)}`;
          return (
            <>
              <td className="cell-check">
                <input type="checkbox" aria-label={`Include ${name}`} checked={!repo.excluded} disabled={disabled} onChange={(e) => onExclude([index], !e.target.checked)} />
              </td>
              <td>{name}</td>
              <td className={verdictClass(verdict)} title={repo.result === undefined ? undefined : mask(repo.result.detail)}>
                {VERDICT_LABELS[verdict]}
                {repo.result?.code === undefined ? '' : ` (${repo.result.code})`}
              </td>
            </>
          );
        }}
      />
    </>
  );
};

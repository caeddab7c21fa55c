// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type BundleExportResult, type MethodName } from '../../../../shared/contract';
import type { BulkDiscovered } from '../../../../shared/contract/bulk';
import { ReviewerScreen } from '../../../../renderer/screens/reviewer/ReviewerScreen';
import { createAppStore } from '../../../../renderer/store/app-store';
import { StoreProvider } from '../../../../renderer/store/context';
import { BULK_DC_TOKEN, startBulkDataCenterSim, type BulkDcSim } from '../../../simulators/data-center-bulk-sim';
import { bulkApi, dataCenterInstance } from '../../../main/services/bulk/bulk-harness';

// The reviewer's view of a version 2 bundle: 1,200 repositories (every 7th archived) discovered,
// checked and signed by the real api against the Data Center bulk simulator, then opened.

let sim: BulkDcSim;
let h: ReturnType<typeof bulkApi>;
let bundle: BundleExportResult;
beforeAll(async () => {
  sim = await startBulkDataCenterSim({ archivedEvery: 7 });
  h = bulkApi([sim]);
  const id = await h.setUp(dataCenterInstance(sim.baseUrl), BULK_DC_TOKEN);
  const found = await h.call<BulkDiscovered>('bulk.discover', { target_id: id });
  const checked = await h.check(id, found.plan, { concurrency: 16 });
  bundle = await h.call<BundleExportResult>('bulk.export', { plan: checked.plan });
}, 60_000);
afterAll(async () => {
  h.cleanup();
  await sim.close();
});
afterEach(cleanup);

const openBundle = async () => {
  const store = createAppStore(createClient((name: MethodName, input: unknown) => h.api.call(name, input)), { screen: 'reviewer' });
  render(
    <StoreProvider store={store}>
      <ReviewerScreen />
    </StoreProvider>,
  );
  fireEvent.change(screen.getByLabelText('Expected signing key fingerprint (optional)'), { target: { value: bundle.fingerprint } });
  const file = new File([bundle.text], bundle.file_name, { type: 'application/json' });
  fireEvent.change(screen.getByLabelText('Bundle file (.wrobundle.json)'), { target: { files: [file] } });
  return screen.findByRole('heading', { name: 'Repositories (1200)' }, { timeout: 15_000 });
};
const rowsInPage = (): string[] => [...document.querySelectorAll<HTMLElement>('tr[data-repo]')].map((r) => r.dataset.repo ?? '');
const countLine = () => document.getElementById('bundle-repo-count')?.textContent ?? '';

describe('Reviewer: a version 2 bundle', () => {
  it('shows the count and the per-verdict totals as signed', async () => {
    await openBundle();
    const totals = screen.getByRole('list', { name: 'Verdict totals' });
    // ids 7, 14, … 1197 (P040/repo-027) are archived: 171 of 1,200.
    expect(within(totals).getByText('Ready').parentElement?.textContent).toBe('Ready: 1029');
    expect(within(totals).getByText('Archived').parentElement?.textContent).toBe('Archived: 171');
    expect(within(totals).getAllByRole('listitem')).toHaveLength(2);
    expect(document.querySelector('[data-verdict]')?.getAttribute('data-verdict')).toBe('valid');
  });

  it('lists the repositories a window at a time and searches all of them (slug, project, verdict, route)', async () => {
    await openBundle();
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('1201');
    expect(rowsInPage().length).toBeLessThan(40);
    expect(rowsInPage()).not.toContain('P040/repo-027');

    const search = screen.getByLabelText('Search repositories');
    fireEvent.change(search, { target: { value: 'P040/repo-027' } });
    await waitFor(() => expect(rowsInPage()).toEqual(['P040/repo-027']));
    expect(countLine()).toContain('1 of 1200 shown');
    const row = document.querySelector<HTMLElement>('tr[data-repo="P040/repo-027"]') as HTMLElement;
    expect(row.dataset.verdict).toBe('archived');
    expect(row.textContent).toContain('portable json');

    fireEvent.change(search, { target: { value: 'archived' } });
    await waitFor(() => expect(countLine()).toContain('171 of 1200 shown'));
    expect(document.querySelectorAll('tr[data-verdict="ready"]')).toHaveLength(0);

    fireEvent.change(search, { target: { value: 'no-such-repository' } });
    await waitFor(() => expect(countLine()).toContain('0 of 1200 shown'));
    expect(rowsInPage()).toEqual([]);
  });
});

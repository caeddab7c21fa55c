// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type MethodName, type TargetRecord } from '../../../../shared/contract';
import { App } from '../../../../renderer/app/App';
import { ROW_HEIGHT } from '../../../../renderer/components/VirtualRows';
import { createAppStore } from '../../../../renderer/store/app-store';
import { StoreProvider } from '../../../../renderer/store/context';
import { BULK_DC_TOKEN, startBulkDataCenterSim, type BulkDcSim } from '../../../simulators/data-center-bulk-sim';
import { bulkApi, dataCenterInstance } from '../../../main/services/bulk/bulk-harness';

// The "Many repositories" screen over the real api (discover, the check job, export) against the
// Data Center bulk simulator: 5,000 repositories in 50 projects, paged at most 100 at a time.

let sim: BulkDcSim;
let h: ReturnType<typeof bulkApi>;
let targetId = '';
beforeAll(async () => {
  // The wizard's target (a repository of the instance, its checks then pass); bulk reads the instance alone.
  // Each repository answers 30 ms late: at 4 at once a run of 600 takes seconds, so a Cancel lands mid-run.
  sim = await startBulkDataCenterSim({ projects: 50, perProject: 100, archivedEvery: 250, repoLatencyMs: 30 });
  h = bulkApi([sim]);
  targetId = await h.setUp({ ...dataCenterInstance(sim.baseUrl), name: 'corp-bitbucket', workspace: 'P001', repository_slug: 'repo-001' }, BULK_DC_TOKEN);
});
afterAll(async () => {
  h.cleanup();
  await sim.close();
});
afterEach(cleanup);

const records = async (): Promise<TargetRecord[]> => h.call<TargetRecord[]>('targets.list', {});

const renderApp = async (initial: { screen?: 'status' | 'bulk' } = {}) => {
  const client = createClient((name: MethodName, input: unknown) => h.api.call(name, input));
  const store = createAppStore(client, { ...initial, bulkTargetId: initial.screen === 'bulk' ? targetId : null, targets: await records(), targetsLoaded: true });
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  if (initial.screen === 'bulk') await screen.findByRole('heading', { name: 'Many repositories' }, { timeout: 15_000 });
  return store;
};

const rowsInPage = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('tr[data-repo]')];
const checkButton = (): HTMLButtonElement => screen.getByRole('button', { name: /^(Check \d+ repositories|Resume: check the \d+ left|Every included repository is checked)$/ });
const discover = async (fill: { projects?: string; match?: string; exclude?: string } = {}) => {
  if (fill.projects !== undefined) fireEvent.change(screen.getByLabelText('Projects (optional)'), { target: { value: fill.projects } });
  if (fill.match !== undefined) fireEvent.change(screen.getByLabelText('Name pattern (optional)'), { target: { value: fill.match } });
  if (fill.exclude !== undefined) fireEvent.change(screen.getByLabelText('Exclude (one pattern a line, optional)'), { target: { value: fill.exclude } });
  fireEvent.click(screen.getByRole('button', { name: 'Discover repositories' }));
  await waitFor(() => expect(document.querySelector('[data-discovered]')).not.toBeNull(), { timeout: 20_000 });
  return Number(document.querySelector<HTMLElement>('[data-discovered]')?.dataset.discovered);
};
const scrollTo = (top: number) => {
  const box = screen.getByRole('region', { name: 'Repositories' });
  box.scrollTop = top;
  fireEvent.scroll(box);
};

describe('Many repositories', () => {
  it('is offered from the status screen only once the instance steps are done, and opens on that target', async () => {
    await renderApp({ screen: 'status' });
    const card = await screen.findByRole('listitem', { name: 'corp-bitbucket' });
    expect(within(card).queryByRole('button', { name: /Many repositories/ })).toBeNull();
    cleanup();

    // "Test connection": the instance checks (URL safety, the API root) and the credential pass.
    await h.call('checks.run', { target_id: targetId });
    await renderApp({ screen: 'status' });
    const ready = await screen.findByRole('listitem', { name: 'corp-bitbucket' });
    fireEvent.click(within(ready).getByRole('button', { name: 'Many repositories of corp-bitbucket' }));
    expect(await screen.findByRole('heading', { name: 'Many repositories' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('corp-bitbucket')).toBeTruthy();
  });

  it('lists 5,000 repositories with only a window of rows in the page; scrolling moves the window', async () => {
    await renderApp({ screen: 'bulk' });
    expect(await discover()).toBe(5000);
    expect(document.querySelector('[data-discovered]')?.textContent).toContain('50 pages read');
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('5001');
    const first = rowsInPage();
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(40);
    expect(first[0]?.dataset.repo).toBe('P001/repo-001');
    expect(document.querySelector('[data-repo="P050/repo-100"]')).toBeNull();

    scrollTo(4999 * ROW_HEIGHT);
    await waitFor(() => expect(document.querySelector('[data-repo="P050/repo-100"]')).not.toBeNull());
    expect(document.querySelector('[data-repo="P001/repo-001"]')).toBeNull();
    expect(rowsInPage().length).toBeLessThan(40);
    expect(document.querySelector('[data-repo="P050/repo-100"]')?.getAttribute('aria-rowindex')).toBe('5001');
  });

  it('filters and selects across all 5,000 rows, not only the ones in the page', async () => {
    await renderApp({ screen: 'bulk' });
    await discover();
    const count = () => document.getElementById('bulk-filter-count')?.textContent ?? '';
    const selectAll = () => screen.getByRole('checkbox', { name: 'Include every repository shown' }) as HTMLInputElement;
    expect(checkButton().textContent).toBe('Check 5000 repositories');

    // A row far outside the window is found by the filter.
    fireEvent.change(screen.getByLabelText('Filter repositories'), { target: { value: 'p049/repo-09' } });
    await waitFor(() => expect(count()).toContain('10 of 5000 shown'));
    expect(rowsInPage().map((r) => r.dataset.repo)).toContain('P049/repo-099');

    // Unticking "select all" with a filter excludes exactly the rows it shows.
    fireEvent.click(selectAll());
    await waitFor(() => expect(checkButton().textContent).toBe('Check 4990 repositories'));
    expect(within(rowsInPage()[0] as HTMLElement).getByRole('checkbox').getAttribute('aria-label')).toMatch(/^Include P049\/repo-09/);
    expect((within(rowsInPage()[0] as HTMLElement).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);

    // Without a filter it acts on all 5,000: the header box is mixed, then all off, then all on.
    fireEvent.change(screen.getByLabelText('Filter repositories'), { target: { value: '' } });
    await waitFor(() => expect(count()).toContain('5000 of 5000 shown, 4990 of them included'));
    expect(selectAll().checked).toBe(false);
    expect(selectAll().indeterminate).toBe(true);
    fireEvent.click(selectAll());
    await waitFor(() => expect(count()).toContain('5000 of them included'));
    fireEvent.click(selectAll());
    await waitFor(() => expect(count()).toContain('0 of them included'));
    expect(checkButton().disabled).toBe(true);
    // The filter also matches verdicts: every row is unchecked, none is ready yet.
    fireEvent.change(screen.getByLabelText('Filter repositories'), { target: { value: 'ready' } });
    await waitFor(() => expect(count()).toContain('0 of 5000 shown'));
  });

  it('discovers with a project filter, a name pattern and exclusions (excluded rows stay, unticked)', async () => {
    await renderApp({ screen: 'bulk' });
    expect(await discover({ projects: 'P002, P007', match: 'repo-00?', exclude: 'P007/repo-001\n\n*-009' })).toBe(18);
    const rows = rowsInPage();
    expect(new Set(rows.map((r) => r.dataset.repo?.split('/')[0]))).toEqual(new Set(['P002', 'P007']));
    const excluded = rows.filter((r) => r.dataset.verdict === 'excluded').map((r) => r.dataset.repo);
    expect(excluded.sort()).toEqual(['P002/repo-009', 'P007/repo-001', 'P007/repo-009']);
    expect(checkButton().textContent).toBe('Check 15 repositories');
    // Per-project listing: each project's own pages, not the instance-wide list.
    expect(sim.stats.pageStarts.slice(-2).every((p) => /\/projects\/P00[27]\/repos\?start=0$/.test(p))).toBe(true);
  });

  it('checks with progress (count, rate, ETA), cancels mid-run, resumes only the rest, shows each verdict and exports one bundle', async () => {
    await renderApp({ screen: 'bulk' });
    await discover({ projects: 'P010 P011 P012 P013 P014 P015' });
    expect(checkButton().textContent).toBe('Check 600 repositories');
    fireEvent.change(screen.getByLabelText('Checks at once'), { target: { value: '4' } });
    const callsBefore = sim.stats.okAt.length;
    fireEvent.click(checkButton());
    const figures = () => document.querySelector('[data-figures]')?.textContent ?? '';
    await waitFor(() => expect(figures()).toMatch(/^([1-9]\d*) of 600 checked · \d+\.\d per second · about \d+ s left$/), { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the check' }));
    await waitFor(() => expect(document.querySelector('.bulk-progress')?.getAttribute('data-state')).toBe('cancelled'), { timeout: 10_000 });
    expect(document.querySelector('.bulk-progress [role="status"]')?.textContent).toContain('Check stopped');
    const done = Number(/^(\d+) of 600/.exec(figures())?.[1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(600);
    expect(checkButton().textContent).toBe(`Resume: check the ${600 - done} left`);
    expect(sim.stats.okAt.length - callsBefore).toBe(done);

    fireEvent.click(checkButton());
    await waitFor(() => expect(document.querySelector('.bulk-progress')?.getAttribute('data-state')).toBe('done'), { timeout: 20_000 });
    expect(figures()).toMatch(new RegExp(`^${600 - done} of ${600 - done} checked`));
    // The resumed run asked only for the rest: each repository answered once.
    expect(sim.stats.okAt.length - callsBefore).toBe(600);
    expect(checkButton().textContent).toBe('Every included repository is checked');
    const totals = screen.getByRole('list', { name: 'Verdict totals' });
    expect(within(totals).getByText('Ready').parentElement?.textContent).toBe('Ready: 597');
    expect(within(totals).getByText('Archived').parentElement?.textContent).toBe('Archived: 3');
    fireEvent.change(screen.getByLabelText('Filter repositories'), { target: { value: 'archived' } });
    await waitFor(() => expect(rowsInPage().map((r) => r.dataset.repo)).toEqual(['P010/repo-100', 'P013/repo-050', 'P015/repo-100']));

    fireEvent.click(screen.getByRole('button', { name: 'Create the signing key' }));
    const saved: Blob[] = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob) saved.push(b);
      return original(b);
    };
    try {
      const exportButton = await screen.findByRole('button', { name: 'Export and save the bundle file' });
      await waitFor(() => expect((exportButton as HTMLButtonElement).disabled).toBe(false));
      fireEvent.click(exportButton);
      await waitFor(() => expect(screen.getByText(/^Saved/)).toBeTruthy());
    } finally {
      URL.createObjectURL = original;
    }
    const fingerprint = document.querySelector('[data-fingerprint]')?.getAttribute('data-fingerprint') ?? '';
    const verified = await h.call<{ verdict: string; payload: { format_version: number; repositories: unknown[]; totals: Record<string, number> } }>('bundle.verify', {
      text: await (saved[0] as Blob).text(),
      fingerprint,
    });
    expect(verified.verdict).toBe('valid');
    expect(verified.payload.format_version).toBe(2);
    expect(verified.payload.repositories).toHaveLength(600);
    expect(verified.payload.totals.ready).toBe(597);
  }, 60_000);
});

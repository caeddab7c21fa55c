// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../shared/contract';
import { evaluateReadiness } from '../../../../shared/domain/readiness';
import { describeError } from '../../../../shared/errors/catalog';
import { App } from '../../../../renderer/app/App';
import type { Overrides } from '../../support/memory-transport';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

const confirmed = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T08:00:00.000Z' };

/** The app shell (error panel included) on the Target step of a saved Data Center draft. */
const dataCenterOnTargetStep = async (overrides: Overrides = {}) => {
  const view = renderWithStore(<App />, { screen: 'wizard', step: 'target' }, [], overrides);
  await view.store.getState().saveDraft({
    provider_key: 'bitbucket_data_center_issues',
    deployment_mode: 'self-hosted',
    confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
    base_url: 'https://bitbucket.corp.example',
    allowlist_status: 'approved_tunnel',
  });
  return view;
};

describe('Target step: the URL check of a Data Center target', () => {
  it('keeps the record url.checkTarget answers, without reading the target again', async () => {
    const { store, memory } = await dataCenterOnTargetStep();
    const saved = store.getState().record;
    expect(saved?.checks.url_safety).toBeUndefined();
    const before = memory.calls.length;
    fireEvent.click(await screen.findByRole('button', { name: 'Check the base URL' }));
    await screen.findByRole('button', { name: 'Check again' });
    await waitFor(() => expect(store.getState().busy).toBeNull());
    // One call: the answer carried the record, so nothing re-reads it (no targets.get).
    expect(memory.calls.slice(before).map((c) => c.name)).toEqual(['url.checkTarget']);
    const record = store.getState().record;
    expect(record).not.toBe(saved);
    expect(record?.checks.url_safety?.status).toBe('passed');
  });

  it('a failed check stays on screen as its own action, and the record is left as it was', async () => {
    const refused = () => fail('CA_FILE_INVALID', 'The stored corporate CA is not a PEM certificate.');
    const { store, memory } = await dataCenterOnTargetStep({ 'url.checkTarget': refused });
    const saved = store.getState().record;
    const before = memory.calls.length;
    fireEvent.click(await screen.findByRole('button', { name: 'Check the base URL' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(store.getState().busy).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('alert')).toBe(alert);
    expect(alert.textContent).toContain('CA_FILE_INVALID');
    expect(alert.textContent).toContain(describeError('CA_FILE_INVALID').meaning);
    expect(store.getState().actions['url.checkTarget']?.status).toBe('failed');
    expect(memory.calls.slice(before).map((c) => c.name)).toEqual(['url.checkTarget']);
    expect(store.getState().record).toBe(saved);
  });
});

describe('Target step: unsaved edits, save-then-check and where focus lands (issue 14 items 2 and 3)', () => {
  it('an edited base URL is marked unsaved, holds Next, and "Check again" saves the field before checking it', async () => {
    const { store, memory } = await dataCenterOnTargetStep();
    fireEvent.click(await screen.findByRole('button', { name: 'Check the base URL' }));
    await screen.findByRole('button', { name: 'Check again' });
    await waitFor(() => expect(store.getState().busy).toBeNull());
    expect((screen.getByRole('button', { name: /Next: Credentials/ }) as HTMLButtonElement).disabled).toBe(false);

    fireEvent.change(screen.getByLabelText('Base URL'), { target: { value: 'https://bitbucket2.corp.example/' } });
    const cue = await screen.findByText(/Unsaved changes:/);
    expect(cue.parentElement?.textContent).toContain('Base URL');
    expect(screen.getByText(/These results are for the saved base URL/)).toBeTruthy();
    const next = screen.getByRole('button', { name: /Next: Credentials/ }) as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    expect(screen.getByText('Unsaved changes on the Target step (Base URL): save them first.')).toBeTruthy();

    const before = memory.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(memory.calls.slice(before).map((c) => c.name)).toEqual(['targets.save', 'url.checkTarget']));
    const saved = memory.calls[before]?.input as { target: { base_url?: string } };
    expect(saved.target.base_url).toBe('https://bitbucket2.corp.example/');
    await waitFor(() => expect(store.getState().record?.checks.url_safety?.normalized).toBe('https://bitbucket2.corp.example/'));
    await waitFor(() => expect(screen.queryByText(/Unsaved changes:/)).toBeNull());
    expect(store.getState().unsaved).toEqual({});
  });

  it('after "Save and check", focus is on the verdict, not on the page', async () => {
    await dataCenterOnTargetStep();
    const button = await screen.findByRole('button', { name: 'Save and check the base URL' });
    button.focus();
    fireEvent.click(button);
    const verdict = await screen.findByText(/passed the URL-safety checks/);
    await waitFor(() => expect(document.activeElement).toBe(verdict.closest('[data-verdict-for="url.checkTarget"]')));
    expect(document.activeElement).not.toBe(document.body);
  });

  it('a probe that failed at TLS keeps Next closed and names the stage, and focus lands on the blocked verdict', async () => {
    const tlsFailed = { status: 'failed' as const, reason: 'tls' as const, detail: 'unable to verify the first certificate', redirects: [], via_proxy: false, timings_ms: {}, checked_at: '2026-11-29T08:00:00.000Z' };
    let view: Awaited<ReturnType<typeof dataCenterOnTargetStep>> | null = null;
    view = await dataCenterOnTargetStep({
      'url.checkTarget': () => {
        const record = view?.store.getState().record;
        if (record === null || record === undefined) return undefined;
        const url_safety = { status: 'passed' as const, addresses: [], checked_at: tlsFailed.checked_at };
        const checks = { ...record.checks, url_safety, network: tlsFailed };
        return ok({ target_id: record.target.id, url_safety, record: { ...record, checks, readiness: evaluateReadiness(record.target, checks) } });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Save and check the base URL' }));
    const blocked = await screen.findByText(/Failed at the TLS stage/);
    await waitFor(() => expect(document.activeElement).toBe(blocked.closest('[data-verdict-for="url.checkTarget"]')));
    expect((screen.getByRole('button', { name: /Next: Credentials/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/failed the URL-safety checks at the TLS stage \(tls\)/, { selector: '#next-why' })).toBeTruthy();
  });
});

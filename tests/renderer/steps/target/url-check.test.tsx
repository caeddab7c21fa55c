// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/contract';
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

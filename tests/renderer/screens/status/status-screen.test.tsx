// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/app/App';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

describe('Integration status screen', () => {
  it('shows the product name and version, and each saved target with its verdict and blocking codes', async () => {
    const { store } = renderWithStore(<App />);
    await store.getState().chooseProvider('bitbucket_data_center_issues');
    await store.getState().init();
    await waitFor(() => expect(screen.getByText('version 0.1.0')).toBeTruthy());
    const list = screen.getByRole('list', { name: 'Saved targets' });
    const card = within(list).getByRole('listitem', { name: /Bitbucket target/ });
    expect(within(card).getByText('Blocked')).toBeTruthy();
    expect(within(card).getByText('ALLOWLIST_STATUS_MISSING')).toBeTruthy();
    expect(within(card).getByText('PROVIDER_AUTH_REQUIRED')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add Bitbucket target' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Review a bundle' })).toBeTruthy();
  });

  it('masks target names when screen-share safe mode is on and says so in a banner', async () => {
    const { store } = renderWithStore(<App />);
    await store.getState().saveDraft({ provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0', name: 'acme-secret-repo', workspace: 'acme-secret-repo' });
    await store.getState().init();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'acme-secret-repo' })).toBeTruthy());
    store.getState().setSafeMode(true);
    await waitFor(() => expect(screen.queryByText('acme-secret-repo')).toBeNull());
    expect(screen.getByText(/Screen-share safe mode is on/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('acme-secret-repo');
  });
});

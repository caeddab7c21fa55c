// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderStep } from '../../../renderer/steps/provider/ProviderStep';
import { renderWithApi } from '../support/render-with-api';

// A provider switch starts a fresh draft: with fields entered, the admin is asked first and told
// which fields go. Over the real api, so "dropped" is what targets.save really stored.

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanup();
  for (const c of cleanups.splice(0)) c();
});

const CONFIRMED = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T07:00:00.000Z' };

describe('provider switch confirmation', () => {
  it('switches a fresh draft at once', async () => {
    const view = renderWithApi(<ProviderStep />, { screen: 'wizard' });
    cleanups.push(view.api.cleanup);
    fireEvent.click(screen.getByRole('button', { name: /Bitbucket Data Center/ }));
    await waitFor(() => expect(view.store.getState().record?.target.provider_key).toBe('bitbucket_data_center_issues'));
    fireEvent.click(screen.getByRole('button', { name: /Bitbucket Cloud/ }));
    await waitFor(() => expect(view.store.getState().record?.target.provider_key).toBe('bitbucket_cloud_issues'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('names the fields a switch drops, keeps them on "Keep", and drops them only on confirmation', async () => {
    const view = renderWithApi(<ProviderStep />, { screen: 'wizard' });
    cleanups.push(view.api.cleanup);
    const { store } = view;
    await store.getState().saveDraft({
      provider_key: 'bitbucket_data_center_issues',
      deployment_mode: 'self-hosted',
      confirmations: { ownership: CONFIRMED, api_root_reachable: CONFIRMED, scan_authorized: CONFIRMED },
      base_url: 'https://git.corp.example/',
      workspace: 'SEC',
      repository_slug: 'payments',
      allowlist_status: 'direct',
    });
    fireEvent.click(await screen.findByRole('button', { name: /Bitbucket Cloud/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Switch from Bitbucket Data Center to Bitbucket Cloud?' });
    const fields = within(within(dialog).getByRole('list', { name: 'Fields dropped by the switch' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(fields).toEqual(['base_url', 'confirmations', 'workspace', 'repository_slug', 'allowlist_status']);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep Bitbucket Data Center' })));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep Bitbucket Data Center' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(store.getState().record?.target).toMatchObject({ provider_key: 'bitbucket_data_center_issues', workspace: 'SEC', allowlist_status: 'direct' });

    fireEvent.click(screen.getByRole('button', { name: /Bitbucket Cloud/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Switch and drop these fields' }));
    await waitFor(() => expect(store.getState().record?.target.provider_key).toBe('bitbucket_cloud_issues'));
    expect(store.getState().record?.target).not.toHaveProperty('workspace');
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudDraft } from '../../../../renderer/store/draft';
import { WizardFrame } from '../../../../renderer/wizard/WizardFrame';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

describe('access token owner confirmation', () => {
  it('an access token target records who confirmed they created the token, with the time; other methods are not asked', async () => {
    const view = renderWithStore(<WizardFrame />, { screen: 'wizard' });
    await view.store.getState().saveDraft({
      provider_key: 'bitbucket_cloud_issues',
      deployment_mode: 'cloud',
      base_url: 'https://api.bitbucket.org/2.0',
      workspace: 'acme',
      repository_slug: 'payments',
      auth_method: 'api_token',
    });
    view.store.getState().goTo('credentials');
    await screen.findByRole('heading', { name: /Credentials/ });
    expect(screen.queryByRole('group', { name: /created this access token/ })).toBeNull();

    const record = view.store.getState().record;
    if (record === null || record.target.provider_key !== 'bitbucket_cloud_issues') throw new Error('no cloud record');
    expect(await view.store.getState().saveDraft({ ...cloudDraft(record.target), auth_method: 'access_token' })).toBe(true);
    const group = await screen.findByRole('group', { name: 'An admin of workspace acme created this access token for it' });
    expect(group).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Confirmed by (name and role)'), { target: { value: 'Dana Admin, workspace admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the confirmation' }));
    await waitFor(() => expect(view.store.getState().record?.target).toMatchObject({ token_owner_confirmation: { confirmed_by: 'Dana Admin, workspace admin' } }));
    const saves = view.memory.calls.filter((c) => c.name === 'targets.save');
    expect(JSON.stringify(saves.at(-1)?.input)).toMatch(/"confirmed_at":"\d{4}-\d\d-\d\dT/);
  });
});

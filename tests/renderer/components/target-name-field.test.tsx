// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TargetStep } from '../../../renderer/steps/target/TargetStep';
import { renderWithApi } from '../support/render-with-api';

// The Target step asks for the target's name. Untouched, the generated one follows what is
// entered (the form used to send the shown "Bitbucket Cloud target" back and freeze it); typed, it sticks.

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanup();
  for (const c of cleanups.splice(0)) c();
});

const startCloud = async () => {
  const view = renderWithApi(<TargetStep />, { screen: 'wizard', step: 'target' });
  cleanups.push(view.api.cleanup);
  await view.store.getState().chooseProvider('bitbucket_cloud_issues');
  await screen.findByLabelText('Target name');
  return view;
};
const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('Target step: the target name', () => {
  it('left alone, the name follows the workspace and repository', async () => {
    const { store } = await startCloud();
    expect((screen.getByLabelText('Target name') as HTMLInputElement).value).toBe('Bitbucket Cloud target');
    fill('Workspace', 'acme');
    fill('Repository', 'payments');
    fireEvent.click(screen.getByRole('button', { name: 'Save workspace and repository' }));
    await waitFor(() => expect(store.getState().record?.target.name).toBe('acme/payments'));
    await waitFor(() => expect((screen.getByLabelText('Target name') as HTMLInputElement).value).toBe('acme/payments'));
  });

  it('a typed name is saved with the target and kept', async () => {
    const { store } = await startCloud();
    fill('Target name', '  Payments (prod)  ');
    fill('Workspace', 'acme');
    fill('Repository', 'payments');
    fireEvent.click(screen.getByRole('button', { name: 'Save workspace and repository' }));
    await waitFor(() => expect(store.getState().record?.target.name).toBe('Payments (prod)'));
  });
});

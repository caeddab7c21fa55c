// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WizardFrame } from '../../../../renderer/wizard/WizardFrame';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

describe('Provider step', () => {
  it('asks nothing else before the provider is recorded: every later step is locked with a reason', () => {
    renderWithStore(<WizardFrame />, { screen: 'wizard' });
    expect(screen.getByRole('heading', { level: 2, name: 'Step 1: Provider' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Next: Data Center confirmations/ }).hasAttribute('disabled')).toBe(true);
    expect(screen.getAllByText(/^Locked:/).length).toBeGreaterThanOrEqual(7);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('choosing Data Center saves a self-hosted draft and unlocks the confirmations step', async () => {
    const { store, memory } = renderWithStore(<WizardFrame />, { screen: 'wizard' });
    fireEvent.click(screen.getByRole('button', { name: /Bitbucket Data Center/ }));
    await waitFor(() => expect(screen.getByText(/Draft saved/)).toBeTruthy());
    expect(store.getState().record?.target).toMatchObject({
      provider_key: 'bitbucket_data_center_issues',
      deployment_mode: 'self-hosted',
    });
    expect(memory.calls.map((c) => c.name)).toEqual(['targets.save']);
    // Focus is on what the choice recorded (issue 14 item 2), not on the page.
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Recorded: Bitbucket Data Center/));
    expect(screen.getByRole('button', { name: /Bitbucket Data Center/ }).getAttribute('aria-pressed')).toBe('true');
    const next = screen.getByRole('button', { name: /Next: Data Center confirmations/ });
    expect(next.hasAttribute('disabled')).toBe(false);
    fireEvent.click(next);
    expect(store.getState().step).toBe('confirmations');
  });

  it('choosing Cloud records the fixed API root and drops the confirmations step from the path', async () => {
    const { store } = renderWithStore(<WizardFrame />, { screen: 'wizard' });
    fireEvent.click(screen.getByRole('button', { name: /Bitbucket Cloud/ }));
    await waitFor(() => expect(store.getState().record).not.toBeNull());
    expect(store.getState().record?.target).toMatchObject({ provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud' });
    expect(screen.queryByText('Data Center confirmations')).toBeNull();
    expect(screen.getByRole('button', { name: /Next: Target/ }).hasAttribute('disabled')).toBe(false);
  });
});

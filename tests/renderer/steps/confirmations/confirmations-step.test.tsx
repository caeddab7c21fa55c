// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WizardFrame } from '../../../../renderer/wizard/WizardFrame';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

// Issue 14 item 7: tick and name each confirmation, then one Record that also opens the Target step.

describe('Data Center confirmations', () => {
  it('Record with all three saves them and opens the Target step, whose heading takes focus; with fewer it records and stays', async () => {
    const { store, memory } = renderWithStore(<WizardFrame />, { screen: 'wizard' });
    await store.getState().chooseProvider('bitbucket_data_center_issues');
    store.getState().goTo('confirmations');
    await screen.findByRole('heading', { name: 'Step 2: Data Center confirmations' });
    const tick = (key: string, who: string) => {
      fireEvent.click(document.getElementById(`confirm-${key}`) as HTMLInputElement);
      fireEvent.change(document.getElementById(`confirm-${key}-by`) as HTMLInputElement, { target: { value: who } });
    };
    tick('ownership', 'Dana Admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Record confirmations' }));
    await waitFor(() => expect(screen.getByText('Recorded 1 of 3 confirmations.')).toBeTruthy());
    expect(store.getState().step).toBe('confirmations');

    tick('api_root_reachable', 'Dana Admin');
    tick('scan_authorized', 'Chris CISO');
    const before = memory.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Record confirmations and continue' }));
    await waitFor(() => expect(store.getState().step).toBe('target'));
    expect(memory.calls.slice(before).map((c) => c.name)).toEqual(['targets.save']);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Step 3: Target'));
  });
});

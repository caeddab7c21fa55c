// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateReadiness } from '../../../../shared/domain/readiness';
import { WizardFrame } from '../../../../renderer/wizard/WizardFrame';
import { readyDataCenterPortable } from '../../../support/domain-builders';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

// Issue 14 item 7 and "Review shows the configuration": the Review step shows what Save stores,
// never a green "No blocking codes" while Export is disabled, and Export waits for this Save.

const onReview = (over: { pending?: boolean; review?: { saved_at: string; current: boolean } } = {}) => {
  const { target, checks } = readyDataCenterPortable();
  const shown = over.pending === true ? { ...checks, network: undefined } : checks;
  const readiness = evaluateReadiness(target, shown);
  const record = { target, checks: shown, credential: 'stored' as const, readiness, ...(over.review === undefined ? {} : { review: over.review }) };
  return renderWithStore(<WizardFrame />, { screen: 'wizard', step: 'review', record, targets: [record] }, [record]);
};

describe('Review step', () => {
  it('shows the configuration Save stores: plain words first, the field name second', () => {
    onReview();
    const config = screen.getByLabelText('Configuration to be saved');
    const row = (field: string) => config.querySelector(`[data-field="${field}"]`)?.textContent ?? '';
    expect(row('base_url')).toContain('https://bitbucket.corp.acme.com/bitbucket');
    expect(row('workspace')).toContain('SEC');
    expect(row('allowlist_status')).toMatch(/^How WebRiskOps reaches the host\s*allowlist_status\s*Approved tunnel/);
    expect(row('auth_method')).toContain('HTTP access token');
    expect(row('confirmations')).toContain('Dana Admin');
    expect(row('issue_workflow')).toContain('Portable export');
  });

  it('with no blocking code but something still to do, says so in amber, not a green "No blocking codes"', () => {
    onReview({ pending: true });
    expect(screen.queryByText('No blocking codes.')).toBeNull();
    const notice = screen.getByText(/No blocking codes, but the target is not ready yet/);
    expect(notice.className).toBe('notice');
    expect(screen.getByText('Probe the Data Center API root.')).toBeTruthy();
  });

  it('Export stays closed until Save, and opens after it', async () => {
    const { store } = onReview();
    expect(within(screen.getByLabelText('Readiness')).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(screen.getByText(/No blocking codes: ready to save and export/).className).toBe('result-line');
    const next = screen.getByRole('button', { name: 'Next: Export' }) as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    expect(screen.getByText(/^Save the target on the Review step first/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Next: Export' }) as HTMLButtonElement).disabled).toBe(false));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Saved\. Verdict: ready\./));
    fireEvent.click(screen.getByRole('button', { name: 'Next: Export' }));
    expect(store.getState().step).toBe('export');
  });

  it('reads the Save from the record the main process answers: saved then changed asks to save again, with the time', async () => {
    onReview({ review: { saved_at: '2026-11-29T08:30:00.000Z', current: false } });
    expect(screen.getByText(/^Changed since it was saved here \(2026-11-29T08:30:00\.000Z\): Export signs the saved record, so save again\.$/u)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next: Export' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    onReview({ review: { saved_at: '2026-11-29T08:30:00.000Z', current: true } });
    expect(screen.getByText(/^Saved\. Verdict: ready\./u)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next: Export' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

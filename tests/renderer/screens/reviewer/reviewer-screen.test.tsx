// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type MethodName } from '../../../../shared/contract';
import { fixedClock } from '../../../../main/services/clock/clock';
import { ReviewerScreen } from '../../../../renderer/screens/reviewer/ReviewerScreen';
import { createAppStore } from '../../../../renderer/store/app-store';
import { StoreProvider } from '../../../../renderer/store/context';
import { dcTunnel, makeExporter, newKey, NOW, payloadOf, signedFile } from '../../../main/services/bundle/bundle-support';
import { testApi } from '../../../support/test-api';

// The reviewer screen over the real api (verifier included), on the exporter's clock.

const api = testApi({ clock: fixedClock(NOW) });
const calls: MethodName[] = [];
afterAll(() => api.cleanup());
afterEach(() => {
  cleanup();
  calls.length = 0;
});

let good = '';
let adminFp = '';
let forged = '';
let forever = '';
const attacker = newKey();
beforeAll(async () => {
  const out = await makeExporter().exportOk(dcTunnel());
  good = out.text;
  adminFp = out.fingerprint;
  const payload = { ...payloadOf(good), signing_key: { algorithm: 'Ed25519', public_key_spki: attacker.spki, fingerprint: attacker.fingerprint } };
  forged = signedFile(payload, attacker.privateKey, attacker.fingerprint);
  forever = signedFile({ ...payload, expires_at: '9999-12-31T00:00:00.000Z' }, attacker.privateKey, attacker.fingerprint);
});

const renderScreen = () => {
  const client = createClient((name: MethodName, input: unknown) => {
    calls.push(name);
    return api.api.call(name, input);
  });
  const store = createAppStore(client, { screen: 'reviewer' });
  return render(
    <StoreProvider store={store}>
      <ReviewerScreen />
    </StoreProvider>,
  );
};

const pinField = () => screen.getByLabelText('Expected signing key fingerprint (optional)');
const fileInput = () => screen.getByLabelText('Bundle file (.wrobundle.json)') as HTMLInputElement;
const open = (text: string, name = 'dc-1-20261129.wrobundle.json') => {
  fireEvent.change(fileInput(), { target: { files: [new File([text], name, { type: 'application/json' })] } });
};
const verdict = async (): Promise<HTMLElement> => {
  await waitFor(() => expect(document.querySelector('[data-verdict]')).not.toBeNull());
  return document.querySelector<HTMLElement>('[data-verdict]') as HTMLElement;
};
/** 19f2 ab61 … as the admin reads it out. */
const aloud = (fp: string): string => (fp.slice(7).match(/.{4}/g) ?? []).join(' ');

describe('Reviewer screen', () => {
  it('shows a bundle without a pin in amber: signature valid, signer not confirmed, never green', async () => {
    renderScreen();
    open(forged);
    const v = await verdict();
    expect(v.dataset.verdict).toBe('valid_unpinned');
    expect(document.getElementById('verdict-title')?.textContent).toContain('signature valid, signer not confirmed');
    const amber = within(v).getByRole('status');
    expect(amber.className).toContain('notice');
    expect(amber.textContent).toContain('Signature valid, signer not confirmed: compare the fingerprint.');
    expect(v.querySelector('.result-line')).toBeNull();
    expect(v.querySelector('[data-fingerprint]')?.getAttribute('data-fingerprint')).toBe(attacker.fingerprint);
  });

  it('accepts the fingerprint as read aloud (groups, capitals, no prefix) and confirms the signer', async () => {
    renderScreen();
    fireEvent.change(pinField(), { target: { value: aloud(adminFp).toUpperCase() } });
    const hint = document.getElementById('pinned-hint');
    expect(hint?.dataset.pin).toBe('accepted');
    expect(hint?.dataset.fingerprintRead).toBe(adminFp);
    expect(pinField().getAttribute('aria-invalid')).toBe('false');
    open(good);
    const v = await verdict();
    expect(v.dataset.verdict).toBe('valid');
    expect(document.getElementById('verdict-title')?.textContent).toContain('valid signature, pinned signer');
    expect(v.textContent).toContain('— matches.');
  });

  it('refuses the forged bundle when the admin fingerprint is pinned', async () => {
    renderScreen();
    fireEvent.change(pinField(), { target: { value: `SHA256:${aloud(adminFp)}` } });
    open(forged);
    const v = await verdict();
    expect(v.dataset.verdict).toBe('BUNDLE_KEY_MISMATCH');
    expect(within(v).getByRole('alert').textContent).toContain('not by the pinned');
    expect(v.textContent).toContain('does not match');
  });

  it('says why a fingerprint is refused, keeps the file picker usable, and verifies once it is corrected', async () => {
    renderScreen();
    fireEvent.change(pinField(), { target: { value: aloud(adminFp).slice(0, -1) } });
    expect(pinField().getAttribute('aria-invalid')).toBe('true');
    const hint = document.getElementById('pinned-hint');
    expect(hint?.dataset.pin).toBe('refused');
    expect(hint?.textContent).toBe('Refused: It has 63 hex digits; a SHA-256 fingerprint has 64. Check for a missing or extra group.');
    expect(fileInput().disabled).toBe(false);

    open(good);
    const refusal = await screen.findByRole('alert');
    expect(refusal.dataset.refusal).toBe('fingerprint');
    expect(refusal.textContent).toContain('Not verified: the expected fingerprint is refused.');
    expect(refusal.textContent).toContain('It has 63 hex digits');
    expect(calls).not.toContain('bundle.verify');
    expect(fileInput().disabled).toBe(false);

    fireEvent.change(pinField(), { target: { value: aloud(adminFp) } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify again' }));
    const v = await verdict();
    expect(v.dataset.verdict).toBe('valid');
    expect(document.querySelector('[data-refusal]')).toBeNull();
  });

  it('refuses a bundle valid for more than 365 days with its code, meaning and fix', async () => {
    renderScreen();
    fireEvent.change(pinField(), { target: { value: attacker.fingerprint } });
    open(forever);
    const v = await verdict();
    expect(v.dataset.verdict).toBe('BUNDLE_LIFETIME_TOO_LONG');
    const panel = within(v).getByRole('alert');
    expect(panel.dataset.code).toBe('BUNDLE_LIFETIME_TOO_LONG');
    expect(panel.textContent).toMatch(/valid for \d+ days/);
    expect(panel.textContent).toContain('What to do:');
  });
});

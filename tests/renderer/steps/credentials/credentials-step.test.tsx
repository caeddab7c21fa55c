// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/contract';
import { describeError } from '../../../../shared/errors/catalog';
import { App } from '../../../../renderer/app/App';
import { WizardFrame } from '../../../../renderer/wizard/WizardFrame';
import type { Overrides } from '../../support/memory-transport';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

const SECRET = 'ATATT3xFfGF0-component-test-secret-91c2';

/** The app shell (error panel included) on the Credentials step of a Cloud draft. */
const cloudReadyForCredentials = async (overrides: Overrides = {}) => {
  const view = renderWithStore(<App />, { screen: 'wizard' }, [], overrides);
  await view.store.getState().saveDraft({
    provider_key: 'bitbucket_cloud_issues',
    deployment_mode: 'cloud',
    base_url: 'https://api.bitbucket.org/2.0',
    workspace: 'acme',
    repository_slug: 'payments',
  });
  view.store.getState().goTo('credentials');
  await screen.findByRole('heading', { name: /Credentials/ });
  return view;
};

describe('Credentials step', () => {
  it('sends the secret once, clears the field at once, and never keeps it in state or the DOM', async () => {
    const { store, memory } = await cloudReadyForCredentials();
    const field = document.querySelector<HTMLInputElement>('#auth-secret');
    if (field === null) throw new Error('no secret field');
    expect(field.type).toBe('password');
    expect(field.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(screen.getByRole('textbox', { name: 'Atlassian account e-mail' }), { target: { value: 'dana@acme.example' } });
    field.value = SECRET;
    fireEvent.click(screen.getByRole('button', { name: 'Store and test connection' }));
    expect(field.value).toBe('');
    await waitFor(() => expect(screen.getByText('Accepted')).toBeTruthy());
    const stores = memory.calls.filter((c) => c.name === 'credentials.store');
    expect(stores).toHaveLength(1);
    expect(JSON.stringify(stores[0]?.input)).toContain(SECRET);
    expect(JSON.stringify(store.getState())).not.toContain(SECRET);
    expect(document.documentElement.outerHTML).not.toContain(SECRET);
    // Each answer carried the fresh record: the store replaced its state, nothing was re-read.
    expect(memory.calls.map((c) => c.name)).toEqual(['targets.save', 'targets.save', 'credentials.store', 'checks.run']);
    expect(screen.getByText('A credential is stored in the OS keychain.')).toBeTruthy();
    expect(store.getState().record?.checks.auth?.status).toBe('ok');
  });

  it('a KEYCHAIN_UNAVAILABLE answer to credentials.store stays on screen with its meaning and fix', async () => {
    const keychainDown = () => fail('KEYCHAIN_UNAVAILABLE', 'No Secret Service is running (start gnome-keyring or KeePassXC under D-Bus, and unlock it).');
    const { store, memory } = await cloudReadyForCredentials({ 'credentials.store': keychainDown });
    const before = memory.calls.length;
    fireEvent.change(screen.getByRole('textbox', { name: 'Atlassian account e-mail' }), { target: { value: 'dana@acme.example' } });
    const field = document.querySelector<HTMLInputElement>('#auth-secret');
    if (field === null) throw new Error('no secret field');
    field.value = SECRET;
    fireEvent.click(screen.getByRole('button', { name: 'Store and test connection' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(store.getState().busy).toBeNull());
    // Whatever follows the store has run by now; the failure is still there, with the catalog's words.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const entry = describeError('KEYCHAIN_UNAVAILABLE');
    expect(screen.getByRole('alert')).toBe(alert);
    expect(alert.textContent).toContain('KEYCHAIN_UNAVAILABLE');
    expect(alert.textContent).toContain(entry.meaning);
    expect(alert.textContent).toContain(entry.fix);
    // Focus went to the failure (issue 14 item 2), and the summary beside the button names the code.
    expect(document.activeElement).toBe(alert);
    expect(screen.getByText(/Storing the credential in the keychain failed: KEYCHAIN_UNAVAILABLE/)).toBeTruthy();
    expect(memory.calls.slice(before).map((c) => c.name)).toEqual(['targets.save', 'credentials.store']);
    expect(screen.getByText('No credential stored yet.')).toBeTruthy();
    // The secret is not kept for a retry: the admin enters it again.
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(JSON.stringify(store.getState())).not.toContain(SECRET);

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('after "Store and test connection", focus is on the connection result, not on the page', async () => {
    await cloudReadyForCredentials();
    fireEvent.change(screen.getByRole('textbox', { name: 'Atlassian account e-mail' }), { target: { value: 'dana@acme.example' } });
    const field = document.querySelector<HTMLInputElement>('#auth-secret');
    if (field === null) throw new Error('no secret field');
    field.value = SECRET;
    fireEvent.click(screen.getByRole('button', { name: 'Store and test connection' }));
    const result = await screen.findByRole('region', { name: 'Connection' });
    await waitFor(() => expect(document.activeElement).toBe(result));
    expect(result.textContent).toContain('Accepted');
  });

  it('OAuth: Connect takes the answered record, then tests, with no call to read the target again', async () => {
    const { store, memory } = await cloudReadyForCredentials();
    fireEvent.click(screen.getByRole('radio', { name: /OAuth 2\.0 consumer/ }));
    const before = memory.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Connect (opens the system browser)' }));
    await waitFor(() => expect(screen.getByText('Accepted')).toBeTruthy());
    await waitFor(() => expect(store.getState().busy).toBeNull());
    expect(memory.calls.slice(before).map((c) => c.name)).toEqual(['oauth.connect', 'checks.run']);
    expect(screen.getByText('A credential is stored in the OS keychain.')).toBeTruthy();
  });

  it('OAuth: explains which callback URL to register, with Atlassian\'s page, refuses a non-loopback one, and records it before Connect', async () => {
    const { store, memory } = await cloudReadyForCredentials();
    fireEvent.click(screen.getByRole('radio', { name: /OAuth 2\.0 consumer/ }));
    const help = document.querySelector('[data-help="oauth-callback"]');
    expect(help?.textContent).toMatch(/registered on the consumer.*OAuth consumers.*127\.0\.0\.1/s);
    expect(screen.getByRole('link', { name: 'Atlassian: Use OAuth on Bitbucket Cloud' }).getAttribute('href')).toBe('https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/');
    const field = screen.getByRole('textbox', { name: 'Callback URL registered on the OAuth consumer' });
    fireEvent.change(field, { target: { value: 'https://app.example/callback' } });
    expect(document.querySelector('[data-refusal]')?.getAttribute('data-refusal')).toBe('scheme');
    fireEvent.change(field, { target: { value: 'http://127.0.0.1:8976/callback' } });
    expect(document.querySelector('[data-register]')?.getAttribute('data-register')).toBe('http://127.0.0.1:8976/callback');
    const before = memory.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Connect (opens the system browser)' }));
    await waitFor(() => expect(store.getState().busy).toBeNull());
    await waitFor(() => expect(memory.calls.slice(before).map((c) => c.name)).toEqual(['targets.save', 'oauth.connect', 'checks.run']));
    expect(JSON.stringify(memory.calls[before]?.input)).toContain('"oauth_callback_url":"http://127.0.0.1:8976/callback"');
    expect(store.getState().record?.target).toMatchObject({ auth_method: 'oauth', oauth_callback_url: 'http://127.0.0.1:8976/callback' });
  });

  it('shows the app password as retired and leads to an API token, with no secret field', async () => {
    await cloudReadyForCredentials();
    fireEvent.click(screen.getByRole('radio', { name: /App password \(retired\)/ }));
    expect(document.querySelector('[data-retired="app_password"]')?.textContent).toContain('retired app passwords on 2026-07-28');
    expect(document.querySelector('#auth-secret')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use an API token instead' }));
    expect((screen.getByRole('radio', { name: /^API token/ }) as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector('#auth-secret')).not.toBeNull();
  });

  it('keeps the fields disabled and shows PROVIDER_BASE_URL_BLOCKED while the Data Center URL is blocked', async () => {
    const c = { confirmed_by: 'Dana', confirmed_at: '2026-11-29T08:00:00.000Z' };
    const view = renderWithStore(<WizardFrame />, { screen: 'wizard' });
    await view.store.getState().saveDraft({
      provider_key: 'bitbucket_data_center_issues',
      deployment_mode: 'self-hosted',
      confirmations: { ownership: c, api_root_reachable: c, scan_authorized: c },
      base_url: 'https://169.254.169.254/',
    });
    const record = view.store.getState().record;
    if (record === null) throw new Error('no record');
    view.store.setState({
      step: 'credentials',
      record: { ...record, checks: { url_safety: { status: 'blocked', reason: 'reserved_ip', detail: '169.254.169.254 is link-local', addresses: [], checked_at: c.confirmed_at } } },
    });
    await screen.findByText('PROVIDER_BASE_URL_BLOCKED');
    expect((document.querySelector('#auth-secret') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Store and test connection' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

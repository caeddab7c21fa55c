// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, PRIVATE_KEYRING_NOTE, type HealthReport } from '../../../../shared/contract';
import { describeError } from '../../../../shared/errors/catalog';
import { App } from '../../../../renderer/app/App';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

const report = (over: Partial<HealthReport>): HealthReport => ({
  healthy: true,
  keychain: { status: 'available', store: 'os_keychain' },
  signing_key: 'present',
  mode: 'browser',
  platform: 'linux',
  proxy: { https: { variable: 'HTTPS_PROXY', origin: 'http://proxy.corp.example:3128' }, no_proxy: { variable: 'NO_PROXY', entries: ['git.corp.example'] }, ignored: ['HTTP_PROXY'] },
  runtime: { node: '20.19.0', electron: '41.7.1', chrome: '140.0' },
  ...over,
});

const renderHealth = async (health: HealthReport) => {
  const view = renderWithStore(<App />, {}, [], { 'health.report': () => ok(health) });
  await view.store.getState().init();
  const panel = await waitFor(() => screen.getByRole('region', { name: 'This machine' }));
  return { ...view, panel };
};

describe('the status screen health panel', () => {
  it('shows every fact: keychain, signing key, mode, proxy and bypass, versions', async () => {
    const { panel } = await renderHealth(report({}));
    const text = panel.textContent ?? '';
    expect(text).toContain('available and unlocked (the OS keychain)');
    expect(text).toContain('present in the keychain');
    expect(text).toContain('browser mode (a loopback-only local server) on linux');
    expect(text).toContain('HTTPS_PROXY = http://proxy.corp.example:3128');
    expect(text).toContain('NO_PROXY = git.corp.example');
    expect(text).toContain('not read: HTTP_PROXY');
    expect(text).toContain('Node 20.19.0 · Electron 41.7.1 · Chromium 140.0');
    expect(within(panel).queryByText(/KEYCHAIN_UNAVAILABLE/)).toBeNull();
  });

  it('no keychain: a warning with the reason and the way out from the catalog', async () => {
    const { panel } = await renderHealth(report({ healthy: false, keychain: { status: 'unavailable', store: 'os_keychain', reason: 'No Secret Service is running.' }, signing_key: 'unknown' }));
    const warning = panel.querySelector('[data-keychain="unavailable"]');
    expect(warning?.textContent).toContain('No Secret Service is running.');
    expect(warning?.textContent).toContain(describeError('KEYCHAIN_UNAVAILABLE').fix);
  });

  it('a malformed proxy setting: a lasting notice with the variable, the code and the fix from the catalog', async () => {
    const problem = { code: 'PROXY_CONFIG_INVALID', variable: 'HTTPS_PROXY', message: 'HTTPS_PROXY is not usable: it must start with http:// or https:// (for example http://proxy.corp:3128).' } as const;
    const { panel } = await renderHealth(report({ healthy: false, proxy: { https: { variable: 'HTTPS_PROXY', origin: '(a proxy URL that does not parse)' }, no_proxy: null, ignored: [], problem } }));
    const notice = panel.querySelector('[data-proxy="invalid"]');
    expect(notice?.textContent).toContain(problem.message);
    expect(notice?.textContent).toContain('PROXY_CONFIG_INVALID');
    expect(notice?.textContent).toContain(describeError('PROXY_CONFIG_INVALID').fix);
  });

  it('a private keyring: says the credentials last only for this run', async () => {
    const { panel } = await renderHealth(report({ keychain: { status: 'available', store: 'private_session' } }));
    expect(panel.querySelector('[data-keychain="private_session"]')?.textContent).toBe(PRIVATE_KEYRING_NOTE);
  });

  it('safe mode masks the proxy and bypass hosts', async () => {
    const { panel, store } = await renderHealth(report({}));
    store.getState().setSafeMode(true);
    await waitFor(() => expect(panel.textContent).not.toContain('proxy.corp.example'));
    expect(panel.textContent).not.toContain('git.corp.example');
  });
});

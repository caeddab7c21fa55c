// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../../shared/contract';
import { App } from '../../../../renderer/app/App';
import { createAppStore } from '../../../../renderer/store/app-store';
import { StoreProvider } from '../../../../renderer/store/context';
import { createNetwork } from '../../../../main/services/net/network';
import { confirmed } from '../../../support/domain-builders';
import { testApi } from '../../../support/test-api';
import { startProxyWorld, type ProxyWorld } from '../../../support/url-safety/proxy-world';

// What the admin sees when the app was started with a malformed HTTPS_PROXY: the Target step's
// check answers PROXY_CONFIG_INVALID (from the real handlers, over a root built from that env),
// and the error panel shows the catalog's title, the code, its meaning and fix.

describe('Target step with a malformed HTTPS_PROXY', () => {
  let pw: ProxyWorld;
  let api: ReturnType<typeof testApi>;
  beforeAll(async () => {
    pw = await startProxyWorld();
    api = testApi({ network: createNetwork({ HTTPS_PROXY: 'http://[proxy.corp:3128' }, pw.overrides) });
  });
  afterEach(cleanup);
  afterAll(async () => {
    api.cleanup();
    await pw.close();
  });

  it('"Check the base URL" shows PROXY_CONFIG_INVALID with its meaning and fix, and nothing is sent', async () => {
    const store = createAppStore(createClient((name, input) => api.api.call(name, input)), { screen: 'wizard' });
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    const saved = await store.getState().saveDraft({
      provider_key: 'bitbucket_data_center_issues',
      deployment_mode: 'self-hosted',
      confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
      base_url: pw.baseUrl,
      allowlist_status: 'direct',
    });
    expect(saved).toBe(true);
    store.getState().goTo('target');
    const tunnels = pw.proxy.connects.length;
    fireEvent.click(await screen.findByRole('button', { name: 'Check the base URL' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Proxy setting not usable');
    expect(alert.textContent).toContain('PROXY_CONFIG_INVALID');
    expect(alert.textContent).toContain('HTTPS_PROXY is not usable');
    expect(alert.textContent).toMatch(/Set HTTPS_PROXY to http:\/\/proxy\.host:port/u);
    expect(pw.proxy.connects.length).toBe(tunnels);
  });
});

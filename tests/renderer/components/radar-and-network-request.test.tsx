// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createClient, type MethodName } from '../../../shared/contract';
import { StatusScreen } from '../../../renderer/screens/status/StatusScreen';
import { createAppStore } from '../../../renderer/store/app-store';
import { StoreProvider } from '../../../renderer/store/context';
import { supportSummary } from '../../../renderer/support/support-summary';
import type { StoredTarget } from '../../../main/services/settings/settings-data';
import { emptySettings } from '../../../main/services/settings/settings-data';
import { cloudJira, dcTunnel, TEST_SECRETS } from '../../main/services/bundle/bundle-support';
import { memorySecretStore } from '../../support/memory-secret-store';
import { testApi } from '../../support/test-api';

// The status card's radar badge and "Request network access" over the real api: records carry the
// radar's dated entries (judged here against today), and the change request is written through
// network.request — also, and above all, while the check fails. The dates are relative to today,
// as the screen judges them with the machine's clock.

const DAY = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString();

const apis: ReturnType<typeof testApi>[] = [];
afterAll(() => apis.forEach((a) => a.cleanup()));
afterEach(cleanup);

const withTls = (validTo: string, over: Partial<StoredTarget> = {}): StoredTarget => {
  const t = dcTunnel();
  const network = t.checks.network;
  if (network?.tls === undefined) throw new Error('dcTunnel has TLS evidence');
  // A version past this app's release table: no release date, so the test does not hang on today's date.
  const api_root = { version: '10.1.0', buildNumber: '10001000', displayName: 'Bitbucket' };
  return { ...t, checks: { ...t.checks, network: { ...network, api_root, tls: { ...network.tls, valid_to: validTo } } }, ...over };
};

const renderStatus = async (targets: StoredTarget[], name: RegExp = /Data Center target/) => {
  const secrets = memorySecretStore({ 'dc-1:bitbucket': TEST_SECRETS.dc });
  const t = testApi({ secrets: secrets.store });
  apis.push(t);
  await t.deps.settings.write({ ...emptySettings(), targets });
  const calls: { name: MethodName; input: unknown }[] = [];
  const store = createAppStore(createClient((name: MethodName, input: unknown) => {
    calls.push({ name, input });
    return t.api.call(name, input);
  }));
  render(
    <StoreProvider store={store}>
      <StatusScreen />
    </StoreProvider>,
  );
  await store.getState().refreshTargets();
  const card = await screen.findByRole('listitem', { name });
  return { store, calls, card };
};

const noSecret = () => {
  for (const s of Object.values(TEST_SECRETS)) expect(document.body.innerHTML).not.toContain(s);
};

/** The card's radar badge, once its lazy chunk has arrived. */
const badgeOf = (card: HTMLElement): Promise<HTMLElement> =>
  waitFor(() => {
    const badge = card.querySelector<HTMLElement>('[data-radar-badge]');
    if (badge === null) throw new Error('no radar badge yet');
    return badge;
  });

describe('the radar badge on a status card', () => {
  it('names the item that is due, with its date and days left', async () => {
    const { card } = await renderStatus([withTls(day(10))]);
    const badge = await badgeOf(card);
    expect(badge?.dataset.radarBadge).toBe('due');
    expect(badge?.dataset.radarKind).toBe('certificate');
    expect(badge?.textContent).toContain(`Due ${day(10).slice(0, 10)}: TLS certificate (in 10 days)`);
    expect(badge?.textContent).toContain('renew the host certificate');
    noSecret();
  });

  it('puts a past item first: an expired credential outranks a certificate due later', async () => {
    const credential_meta = { bitbucket: { stored_at: day(-400), expires_on: day(-3).slice(0, 10), basis: 'given' as const } };
    const { card } = await renderStatus([withTls(day(10), { credential_meta })]);
    const badge = await badgeOf(card);
    expect(badge).toMatchObject({ dataset: { radarBadge: 'past', radarKind: 'credential' } });
    expect(badge?.textContent).toContain(`Expired: Credential on ${day(-3).slice(0, 10)}`);
    expect(badge?.textContent).toContain('and 1 more due');
  });

  it('with nothing due, shows the next date (here the host certificate, before the 2029 end of life)', async () => {
    const { card } = await renderStatus([withTls(day(200))]);
    const badge = await badgeOf(card);
    expect(badge?.dataset.radarBadge).toBe('ok');
    expect(badge?.textContent).toMatch(/^Next date: \d{4}-\d{2}-\d{2} /);
  });

  it('the support summary lists the radar of every target', async () => {
    const { store } = await renderStatus([withTls(day(10))]);
    const s = store.getState();
    const text = supportSummary({ info: null, screen: 'status', step: s.step, record: null, targets: s.targets, failure: null, safeMode: false });
    expect(text).toContain(`  radar: DUE ${day(10).slice(0, 10)} certificate: TLS certificate CN=bitbucket.corp.acme.com`);
    expect(text).toMatch(/ {2}radar: ok 2029-03-28 platform_end_of_life: Atlassian Data Center end of life/);
    const masked = supportSummary({ info: null, screen: 'status', step: s.step, record: null, targets: s.targets, failure: null, safeMode: true });
    expect(masked).not.toContain('bitbucket.corp.acme.com');
    expect(masked).toContain('platform_end_of_life');
    for (const secret of Object.values(TEST_SECRETS)) expect(text + masked).not.toContain(secret);
  });
});

describe('"Request network access" on a status card', () => {
  it('writes the change request while the check fails: the failing stage, the evidence and the ask, Markdown to copy and JSON to download', async () => {
    // A private address without an allowlist status: the URL-safety check refuses it before any connection.
    const blocked = dcTunnel();
    const { allowlist_status: _none, ...target } = { ...blocked.target, base_url: 'https://10.20.30.40:8443/bitbucket' };
    const { card, calls } = await renderStatus([{ target, checks: {} }]);
    fireEvent.click(within(card).getByRole('button', { name: /Request network access/ }));
    const markdown = await waitFor(() => {
      const el = card.querySelector<HTMLElement>('[data-change-request="markdown"]');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    expect(calls.filter((c) => c.name === 'network.request').map((c) => c.input)).toEqual([{ target: 'dc-1' }]);
    expect(card.querySelector<HTMLElement>('[data-network-request]')?.dataset.networkRequest).toBe('failed');
    expect(markdown.textContent).toContain('10.20.30.40');
    expect(markdown.textContent).toMatch(/8443/);
    expect(within(card).getByRole('button', { name: 'Copy Markdown' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Download Markdown' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Download JSON' })).toBeTruthy();
    noSecret();
  });

  it('is not offered for a Bitbucket Cloud target (reached over the public internet), which has no certificate item either', async () => {
    const cloud = cloudJira();
    const { card } = await renderStatus([cloud], new RegExp(cloud.target.name));
    expect(within(card).queryByRole('button', { name: /Request network access/ })).toBeNull();
    expect(card.querySelector('[data-radar-kind="certificate"]')).toBeNull();
  });
});

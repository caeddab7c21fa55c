// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/app/App';
import { emptySettings } from '../../../../main/services/settings/settings-data';
import { cloudTarget, dataCenterTarget, passedUrl, reached } from '../../../support/domain-builders';
import { memorySecretStore } from '../../../support/memory-secret-store';
import { renderWithApi } from '../../support/render-with-api';

// The status screen's cards over the real api: two Data Center targets told apart by host and
// repository, and each managed from its card (rename, duplicate, delete after a confirmation).

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanup();
  for (const c of cleanups.splice(0)) c();
});

const start = async () => {
  const secrets = memorySecretStore({ 'dc-1:bitbucket': 'tok-1', 'dc-1:jira': 'pat-1', 'dc-2:bitbucket': 'tok-2' });
  const view = renderWithApi(<App />, {}, { secrets: secrets.store });
  cleanups.push(view.api.cleanup);
  await view.api.deps.settings.write({
    ...emptySettings(),
    targets: [
      { target: dataCenterTarget({ id: 'dc-1', name: 'SEC/payments at bitbucket.corp.acme.com' }), checks: { url_safety: passedUrl, network: { ...reached!, checked_at: '2026-11-29T09:30:00.000Z' } } },
      { target: dataCenterTarget({ id: 'dc-2', name: 'Data Center target (2)', base_url: 'https://git.branch.acme.com/', workspace: 'OPS', repository_slug: 'infra' }), checks: {} },
      { target: cloudTarget(), checks: {} },
    ],
  });
  await view.store.getState().init();
  const list = await screen.findByRole('list', { name: 'Saved targets' });
  return { ...view, secrets, list };
};
const card = (list: HTMLElement, name: string | RegExp) => within(list).getByRole('listitem', { name });
const cardCount = (list: HTMLElement): number => list.querySelectorAll(':scope > li').length;

describe('target cards', () => {
  it('say which host and repository each target is, and when it was last checked', async () => {
    const { list } = await start();
    const first = card(list, 'SEC/payments at bitbucket.corp.acme.com');
    expect(first.querySelector('[data-fact="host"]')?.textContent).toBe('bitbucket.corp.acme.com');
    expect(first.querySelector('[data-fact="repository"]')?.textContent).toBe('SEC/payments');
    expect(first.querySelector('[data-fact="last-checked"] time')?.getAttribute('dateTime')).toBe('2026-11-29T09:30:00.000Z');
    const second = card(list, 'Data Center target (2)');
    expect(second.querySelector('[data-fact="host"]')?.textContent).toBe('git.branch.acme.com');
    expect(second.querySelector('[data-fact="last-checked"]')?.textContent).toBe('not checked yet');
    expect(card(list, 'acme/payments').querySelector('[data-fact="host"]')?.textContent).toBe('api.bitbucket.org');
  });

  it('renames a target in place; a taken name is refused with its code and the old name stays', async () => {
    const { list, store } = await start();
    const first = card(list, 'SEC/payments at bitbucket.corp.acme.com');
    fireEvent.click(within(first).getByRole('button', { name: /^Rename/ }));
    const field = within(first).getByLabelText(/New name for/);
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.change(field, { target: { value: 'ACME/PAYMENTS' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Save name' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('REQUEST_INVALID');
    expect(alert.textContent).toContain('already named "acme/payments"');
    fireEvent.change(field, { target: { value: 'Payments on-prem' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(within(list).getByRole('listitem', { name: 'Payments on-prem' })).toBeTruthy());
    expect(store.getState().targets.find((r) => r.target.id === 'dc-1')?.target.name).toBe('Payments on-prem');
    await waitFor(() => expect(within(list).queryByLabelText(/New name for/)).toBeNull());
  });

  it('deletes only after the confirmation, and the keychain entries go with the target', async () => {
    const { list, secrets, calls } = await start();
    const first = card(list, 'SEC/payments at bitbucket.corp.acme.com');
    fireEvent.click(within(first).getByRole('button', { name: /^Delete/ }));
    const dialog = within(first).getByRole('alertdialog', { name: /Delete SEC\/payments/ });
    expect(dialog.textContent).toMatch(/every credential stored for it in the keychain/);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it' })));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(calls).not.toContain('targets.delete');
    expect(cardCount(list)).toBe(3);

    fireEvent.click(within(first).getByRole('button', { name: /^Delete/ }));
    fireEvent.click(within(first).getByRole('button', { name: 'Delete target and credentials' }));
    await waitFor(() => expect(within(list).queryByRole('listitem', { name: 'SEC/payments at bitbucket.corp.acme.com' })).toBeNull());
    expect([...secrets.map.keys()]).toEqual(['dc-2:bitbucket']);
    expect(document.activeElement?.id).toBe('saved-targets-title');
  });

  it('duplicates a target without its credentials: the copy is listed, unchecked, with no credential', async () => {
    const { list, store, secrets } = await start();
    fireEvent.click(within(card(list, 'SEC/payments at bitbucket.corp.acme.com')).getByRole('button', { name: /^Duplicate/ }));
    const copy = await within(list).findByRole('listitem', { name: 'SEC/payments at bitbucket.corp.acme.com (2)' });
    expect(copy.querySelector('[data-fact="last-checked"]')?.textContent).toBe('not checked yet');
    const record = store.getState().targets.find((r) => r.target.name.endsWith('(2)') && r.target.id !== 'dc-2');
    expect(record?.credential).toBe('missing');
    expect([...secrets.map.keys()].filter((k) => k.startsWith(`${record?.target.id ?? '?'}:`))).toEqual([]);
  });

  it('re-runs every check: checks.run once a credential is stored, the URL check of a Data Center target without one', async () => {
    const { list, calls, api, store } = await start();
    fireEvent.click(within(card(list, 'Data Center target (2)')).getByRole('button', { name: /^Re-run all checks/ }));
    await waitFor(() => expect(calls).toContain('checks.run'));
    await waitFor(() => expect(store.getState().busy).toBeNull());
    expect((await api.api.call('credentials.delete', { target_id: 'dc-2' })).ok).toBe(true);
    await store.getState().refreshTargets();
    const before = calls.length;
    const second = card(list, 'Data Center target (2)');
    fireEvent.click(within(second).getByRole('button', { name: /^Re-run all checks/ }));
    await waitFor(() => expect(calls).toContain('url.checkTarget'));
    // The test network resolves no name: the check is refused at DNS, and that verdict is stored with its time.
    await waitFor(() => expect(second.querySelector('[data-fact="last-checked"] time')).not.toBeNull());
    expect(calls.slice(before)).not.toContain('checks.run');
  });
});

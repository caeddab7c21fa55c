// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL } from '../../../../shared/contract/method-names';
import { describeError } from '../../../../shared/errors/catalog';
import { isDataCenter } from '../../../../shared/domain/target';
import { App } from '../../../../renderer/app/App';
import { CA_A_PEM } from '../../../support/corporate-ca';
import { confirmed } from '../../../support/domain-builders';
import { renderWithStore } from '../../support/render-with-store';

// The Target step's corporate CA: chosen as a file whose text goes to targets.save, shown as its
// subject, fingerprint and expiry, removable; a file that is not a certificate is CA_FILE_INVALID
// on the error panel with that code's own title, meaning and fix (issue 14 item 4), never
// PROVIDER_VALUE_INVALID.

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, BRIDGE_GLOBAL);
});

const FINGERPRINT_A = 'B7:B3:D0:30:F0:B1:35:2E:54:19:D3:8D:B6:78:A0:82:20:5A:53:C2:72:EF:BB:53:92:59:13:0D:52:4D:2D:A2';

const onTargetStep = async () => {
  const view = renderWithStore(<App />, { screen: 'wizard' });
  await view.store.getState().saveDraft({
    provider_key: 'bitbucket_data_center_issues',
    deployment_mode: 'self-hosted',
    confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
    base_url: 'https://bitbucket.corp.acme.com',
  });
  view.store.getState().goTo('target');
  await screen.findByRole('group', { name: /Corporate CA/ });
  return view;
};

const upload = (text: string, name = 'corp-ca.pem') => {
  const input = document.querySelector<HTMLInputElement>('#dc-ca-file');
  if (input === null) throw new Error('no CA upload');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/x-pem-file' })] } });
};

describe('Target step: the corporate CA', () => {
  it("browser mode: an uploaded file's text goes to targets.save; subject, fingerprint and expiry are shown; Remove takes it away", async () => {
    const { store, memory } = await onTargetStep();
    upload(CA_A_PEM);
    const ca = await screen.findByLabelText('Corporate CA');
    expect(within(ca).getByText('O=Example Corp, CN=Example Corp Issuing CA A')).toBeTruthy();
    expect(within(ca).getByText(FINGERPRINT_A)).toBeTruthy();
    expect(within(ca).getByText('2036-11-28')).toBeTruthy();
    const save = memory.calls.filter((c) => c.name === 'targets.save').at(-1);
    expect((save?.input as { target: { ca_pem?: string } }).target.ca_pem).toBe(CA_A_PEM);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the CA' }));
    await waitFor(() => expect(screen.queryByLabelText('Corporate CA')).toBeNull());
    const t = store.getState().record?.target;
    expect(t !== undefined && isDataCenter(t) ? t.ca : 'none').toBeUndefined();
  });

  it('a garbage PEM block is CA_FILE_INVALID on the error panel with its own title, meaning and fix', async () => {
    await onTargetStep();
    upload('-----BEGIN CERTIFICATE-----\n!!! not a certificate !!!\n-----END CERTIFICATE-----\n');
    const panel = await screen.findByRole('alert', { name: /Corporate CA not usable/ });
    const entry = describeError('CA_FILE_INVALID');
    expect(within(panel).getByText('CA_FILE_INVALID')).toBeTruthy();
    expect(panel.textContent).toContain(entry.meaning);
    expect(panel.textContent).toContain(entry.fix);
    expect(panel.textContent).not.toContain('PROVIDER_VALUE_INVALID');
    expect(panel.textContent).not.toContain(describeError('PROVIDER_VALUE_INVALID').title);
    expect(screen.queryByLabelText('Corporate CA')).toBeNull();
  });

  it('a file over 64 KB is refused on the spot with CA_FILE_INVALID, and nothing is sent', async () => {
    const { memory } = await onTargetStep();
    const before = memory.calls.length;
    upload(CA_A_PEM.repeat(100), 'bundle.pem');
    expect(await screen.findByText(/CA_FILE_INVALID: bundle\.pem is larger than 64 KB/)).toBeTruthy();
    expect(memory.calls.length).toBe(before);
  });

  it("desktop: the button opens main's dialog and its text goes to targets.save; a refused file says why", async () => {
    const answers = [{ state: 'chosen', text: CA_A_PEM }, { state: 'refused', reason: 'corp.pem could not be read (EACCES)' }];
    Reflect.set(window, BRIDGE_GLOBAL, { pickCaFile: async () => answers.shift() });
    await onTargetStep();
    fireEvent.click(screen.getByRole('button', { name: 'Choose a CA file…' }));
    expect(within(await screen.findByLabelText('Corporate CA')).getByText(FINGERPRINT_A)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Choose another CA file…' }));
    expect(await screen.findByText(/CA_FILE_INVALID: corp\.pem could not be read \(EACCES\)/)).toBeTruthy();
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type MethodName } from '../../../../shared/contract';
import { fixedClock } from '../../../../main/services/clock/clock';
import { ReviewerScreen } from '../../../../renderer/screens/reviewer/ReviewerScreen';
import { createAppStore } from '../../../../renderer/store/app-store';
import { StoreProvider } from '../../../../renderer/store/context';
import { dcTunnel, makeExporter, newKey, NOW, payloadOf, signedFile, TEST_SECRETS } from '../../../main/services/bundle/bundle-support';
import { testApi } from '../../../support/test-api';

// The reviewer's two-file diff over the real api (bundle.diff verifies both first), and the radar
// the reviewer reads from a bundle's signed section.

const api = testApi({ clock: fixedClock(NOW) });
const calls: { name: MethodName; input: unknown }[] = [];
afterAll(() => api.cleanup());
afterEach(() => {
  cleanup();
  calls.length = 0;
});

let a = '';
let b = '';
let adminFp = '';
let tampered = '';
let old = '';
beforeAll(async () => {
  const ex = makeExporter();
  const first = await ex.exportOk(dcTunnel());
  a = first.text;
  adminFp = first.fingerprint;
  const moved = dcTunnel();
  const network = moved.checks.network;
  if (network?.tls === undefined) throw new Error('dcTunnel has TLS evidence');
  b = (await ex.exportOk({ ...moved, checks: { ...moved.checks, network: { ...network, tls: { ...network.tls, fingerprint_sha256: '11:22:33:44' } } } }, 10)).text;
  const i = a.indexOf('"payload": "') + 40;
  tampered = a.slice(0, i) + (a[i] === 'A' ? 'B' : 'A') + a.slice(i + 1);
  // A bundle exported before the radar section existed, by a key nobody pinned.
  const key = newKey();
  const { radar: _none, ...payload } = payloadOf(a);
  old = signedFile({ ...payload, signing_key: { algorithm: 'Ed25519', public_key_spki: key.spki, fingerprint: key.fingerprint } }, key.privateKey, key.fingerprint);
});

const renderScreen = () => {
  const client = createClient((name: MethodName, input: unknown) => {
    calls.push({ name, input });
    return api.api.call(name, input);
  });
  const store = createAppStore(client, { screen: 'reviewer' });
  return render(
    <StoreProvider store={store}>
      <ReviewerScreen />
    </StoreProvider>,
  );
};

const openAs = (label: string, text: string, name: string) => {
  fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([text], name, { type: 'application/json' })] } });
};
const compare = async (left: string, right: string): Promise<HTMLElement> => {
  openAs('Bundle A (.wrobundle.json)', left, 'a.wrobundle.json');
  openAs('Bundle B (.wrobundle.json)', right, 'b.wrobundle.json');
  const button = screen.getByRole('button', { name: 'Compare A and B' });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
  await waitFor(() => expect(document.querySelector('[data-diff-result]')).not.toBeNull());
  return document.querySelector<HTMLElement>('[data-diff-result]') as HTMLElement;
};
const noSecretOnScreen = () => {
  for (const s of Object.values(TEST_SECRETS)) expect(document.body.innerHTML).not.toContain(s);
};

describe('Reviewer screen: two bundles compared', () => {
  it('verifies both through bundle.diff, shows each unpinned signer with its fingerprint, and lists what changed', async () => {
    renderScreen();
    const result = await compare(a, b);
    expect(calls.map((c) => c.name)).toEqual(['bundle.diff']);
    expect(result.dataset.diffResult).toBe('different');
    for (const side of ['A', 'B']) {
      const el = result.querySelector<HTMLElement>(`[data-diff-side="${side}"]`);
      expect(el?.dataset.verdict).toBe('valid_unpinned');
      expect(el?.textContent).toContain('signature valid, signer not confirmed');
      expect(el?.querySelector('[data-fingerprint]')?.getAttribute('data-fingerprint')).toBe(adminFp);
    }
    const rows = [...result.querySelectorAll<HTMLElement>('[data-diff="changes"] tbody tr')];
    const sections = new Set(rows.map((r) => r.dataset.section));
    expect(sections).toEqual(new Set(['certificate', 'validity', 'radar', 'bundle_id']));
    const cert = rows.find((r) => r.dataset.path === 'checks.network.tls.fingerprint_sha256');
    expect(cert?.textContent).toContain('AB:CD:EF');
    expect(cert?.textContent).toContain('11:22:33:44');
    noSecretOnScreen();
  });

  it('says "same" for a file compared with itself', async () => {
    renderScreen();
    const result = await compare(a, a);
    expect(result.dataset.diffResult).toBe('same');
    expect(within(result).getByText('Same: the two files are identical, byte for byte.')).toBeTruthy();
  });

  it('does not compare when a signature does not hold, and names the broken side with its code', async () => {
    renderScreen();
    const result = await compare(a, tampered);
    expect(result.dataset.diffResult).toBe('not_intact');
    expect(result.querySelector<HTMLElement>('[data-diff-side="A"]')?.dataset.intact).toBe('true');
    const broken = result.querySelector<HTMLElement>('[data-diff-side="B"]');
    expect(broken?.dataset.verdict).toBe('BUNDLE_SIGNATURE_INVALID');
    expect(broken?.textContent).toContain('BUNDLE_SIGNATURE_INVALID');
    expect(result.querySelector('[data-diff="changes"]')).toBeNull();
    expect(result.querySelector('[data-diff="not_compared"]')?.textContent).toContain('Not compared');
  });

  it('asks both files for the pinned fingerprint: a signer confirmed by the pin reads as valid', async () => {
    renderScreen();
    fireEvent.change(screen.getByLabelText('Expected signing key fingerprint (optional)'), { target: { value: adminFp } });
    const result = await compare(a, b);
    expect(calls[0]?.input).toMatchObject({ fingerprint: adminFp });
    expect(result.querySelector<HTMLElement>('[data-diff-side="A"]')?.dataset.verdict).toBe('valid');
  });
});

describe('Reviewer screen: the bundle radar', () => {
  const verify = async (text: string) => {
    renderScreen();
    fireEvent.change(screen.getByLabelText('Bundle file (.wrobundle.json)'), { target: { files: [new File([text], 'x.wrobundle.json', { type: 'application/json' })] } });
    await waitFor(() => expect(document.querySelector('[data-radar-source]')).not.toBeNull());
    return document.querySelector<HTMLElement>('[data-radar-source]') as HTMLElement;
  };

  it("lists the signed radar section's dates, the Data Center end of life among them", async () => {
    const section = await verify(a);
    expect(section.dataset.radarSource).toBe('signed_section');
    const eol = section.querySelector<HTMLElement>('[data-radar-kind="platform_end_of_life"]');
    expect(eol?.textContent).toContain('2029-03-28');
    expect(section.querySelector('[data-radar-kind="bundle"]')?.textContent).toContain('2026-12-29');
    noSecretOnScreen();
  });

  it('falls back to the payload for a bundle without the section, and says so', async () => {
    const section = await verify(old);
    expect(section.dataset.radarSource).toBe('payload');
    expect(section.textContent).toContain('has no radar section');
    expect(section.querySelector('[data-radar-kind="certificate"]')?.textContent).toContain('2027-01-01');
  });
});

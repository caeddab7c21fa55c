import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createSigningKeyService, SIGNING_KEY_ACCOUNT } from '../../../../main/services/bundle/signing-key';
import { exportBundle } from '../../../../main/services/bundle/export-bundle';
import { verifyBundle } from '../../../../main/services/bundle/verify-bundle';
import { createKeytarStore } from '../../../../main/services/secrets/keytar-store';
import { APP, dcTunnel, NOW } from './bundle-support';
import { fixedClock } from '../../../../main/services/clock/clock';

// Against the real Secret Service (run the suite under dbus-run-session with gnome-keyring, as
// build/test.sh does). A throw-away service name keeps it away from any real entry.
const store = createKeytarStore(`bts-test-bundle-${randomUUID()}`);

afterAll(async () => {
  await store.delete(SIGNING_KEY_ACCOUNT);
});

describe('the signing key in the OS keychain', () => {
  it('is created there on first use, survives a new service, and signs verifiable bundles', async () => {
    const clock = fixedClock(NOW);
    const first = createSigningKeyService(store);
    const made = await first.load();
    expect(made.ok && made.value.created).toBe(true);
    expect(await store.accounts()).toEqual([SIGNING_KEY_ACCOUNT]);
    const again = await createSigningKeyService(store).load();
    expect(again.ok && !again.value.created).toBe(true);
    const out = await exportBundle({ keys: createSigningKeyService(store), clock, app: APP }, dcTunnel());
    expect(out.ok).toBe(true);
    if (!out.ok || !made.ok) return;
    expect(out.value.fingerprint).toBe(made.value.info.fingerprint);
    expect(verifyBundle(out.value.text, { clock, pinnedFingerprint: out.value.fingerprint }).verdict).toBe('valid');
    const pem = await store.get(SIGNING_KEY_ACCOUNT);
    expect(pem).toMatch(/PRIVATE KEY/);
    const body = String(pem).split('\n')[1] ?? 'missing';
    expect(out.value.text).not.toContain(body);
    expect(Buffer.from(JSON.parse(out.value.text).payload, 'base64').toString()).not.toContain(body);
  });
});

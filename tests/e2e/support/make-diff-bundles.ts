import { exportBundle } from '../../../main/services/bundle/export-bundle';
import { createSigningKeyService } from '../../../main/services/bundle/signing-key';
import { fixedClock } from '../../../main/services/clock/clock';
import { readyDataCenterPortable } from '../../support/domain-builders';
import { memorySecretStore } from '../../support/memory-secret-store';

export interface DiffBundles {
  readonly a: { readonly name: string; readonly text: string; readonly fingerprint: string };
  /** The same target a month on, signed by the same key: the host moved to a new address and certificate. */
  readonly b: { readonly name: string; readonly text: string };
}

/** Two bundles of one Data Center target for the reviewer's diff: last month's and today's. */
export const makeDiffBundles = async (): Promise<DiffBundles> => {
  const keys = createSigningKeyService(memorySecretStore().store);
  const app = { name: 'Bitbucket Target Setup', version: '0.1.0' };
  const { target, checks } = readyDataCenterPortable();
  const now = Date.now();
  const url = checks.url_safety;
  const network = checks.network;
  if (url === undefined || network === undefined) throw new Error('the ready target has URL-safety and network evidence');
  const tls = {
    fingerprint_sha256: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
    spki_sha256: 'q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=',
    subject: 'CN=bitbucket.corp.acme.com',
    issuer: 'CN=Acme Corp Issuing CA',
    valid_from: new Date(now - 300 * 86_400_000).toISOString(),
    valid_to: new Date(now - 86_400_000).toISOString(),
  };
  const before = await exportBundle(
    { keys, clock: fixedClock(new Date(now - 20 * 86_400_000).toISOString()), app },
    { target, checks: { ...checks, network: { ...network, tls } }, expiresInDays: 30 },
  );
  const moved = {
    ...checks,
    url_safety: { ...url, addresses: [{ ip: '10.20.30.41', range: 'private' as const, family: 4 as const }] },
    network: {
      ...network,
      tls: {
        fingerprint_sha256: '5E:21:9A:0C:77:13:B4:E8:2F:90:6D:41:C3:08:AA:17:52:E9:3B:64:0D:C1:7F:28:96:4A:E0:B5:13:6C:D2:8F',
        spki_sha256: 'Xh1y0mY3b2Rt4PqL8sV6nK2cW9eJ5aZ1uF7gH3iD0kE=',
        subject: 'CN=bitbucket.corp.acme.com',
        issuer: 'CN=Acme Corp Issuing CA 2',
        valid_from: new Date(now - 86_400_000).toISOString(),
        valid_to: new Date(now + 20 * 86_400_000).toISOString(),
      },
    },
  };
  const after = await exportBundle({ keys, clock: fixedClock(new Date(now).toISOString()), app }, { target, checks: moved, expiresInDays: 30 });
  if (!before.ok || !after.ok) throw new Error('bundle export failed');
  return {
    a: { name: `last-month-${before.value.file_name}`, text: before.value.text, fingerprint: before.value.fingerprint },
    b: { name: after.value.file_name, text: after.value.text },
  };
};

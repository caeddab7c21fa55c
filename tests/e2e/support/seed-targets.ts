import { createConfSettingsStore } from '../../../main/services/settings/conf-settings-store';
import { emptySettings } from '../../../main/services/settings/settings-data';
import { readyDataCenterPortable } from '../../support/domain-builders';

const DAY = 86_400_000;

/**
 * A Data Center target as a later probe left it, written into browser mode's settings file: its
 * host certificate expires in 10 days, and it sits on a private address with no allowlist status
 * yet — so its check fails at URL safety, which is when the network team's change request is needed.
 */
export const seedExpiringDataCenterTarget = async (dataDir: string): Promise<{ readonly certificateDay: string }> => {
  const { target, checks } = readyDataCenterPortable();
  const { allowlist_status: _none, ...unlisted } = { ...target, name: 'Payments Data Center', base_url: 'https://10.20.30.40:8443/bitbucket' };
  const validTo = new Date(Date.now() + 10 * DAY).toISOString();
  const network = checks.network;
  if (network === undefined) throw new Error('the ready target has network evidence');
  const tls = {
    fingerprint_sha256: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
    spki_sha256: 'q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=',
    subject: 'CN=bitbucket.corp.acme.com',
    issuer: 'CN=Acme Corp Issuing CA',
    valid_from: new Date(Date.now() - 355 * DAY).toISOString(),
    valid_to: validTo,
  };
  // A version past this app's release table, so the release item has no date and the certificate is what is due.
  const api_root = { version: '10.1.0', buildNumber: '10001000', displayName: 'Bitbucket' };
  await createConfSettingsStore({ dir: dataDir }).write({ ...emptySettings(), targets: [{ target: unlisted, checks: { ...checks, network: { ...network, tls, api_root } } }] });
  return { certificateDay: validTo.slice(0, 10) };
};

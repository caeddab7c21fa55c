import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { CheckResults } from '../../../../shared/domain/checks';
import { BUNDLE_PAYLOAD_TYPE } from '../../../../shared/domain/bundle';
import type { CloudTarget, DataCenterTarget, TargetConfig } from '../../../../shared/domain/target';
import { fixedClock } from '../../../../main/services/clock/clock';
import { fingerprintOfSpki, signEnvelope, spkiDerOf } from '../../../../main/services/bundle/dsse';
import { exportBundle, type BundleExport } from '../../../../main/services/bundle/export-bundle';
import { createSigningKeyService, type SigningKeyService } from '../../../../main/services/bundle/signing-key';
import type { SecretStore } from '../../../../main/services/secrets/secret-store';
import { AT, readyCloudJira, readyDataCenterPortable } from '../../../support/domain-builders';

// Shared setup for the bundle tests: an in-memory keychain, two ready targets with realistic
// evidence, an exporter on a fixed clock, and a way to sign arbitrary payloads for bad cases.

export const NOW = '2026-11-29T09:00:00.000Z';
export const APP = { name: 'Bitbucket Target Setup', version: '0.1.0' };

/** Tokens the tests store for the targets: none may ever show up in a bundle or an output. */
export const TEST_SECRETS = {
  bitbucket: 'ATATT3xFfGF0-test-bitbucket-token-7d1c9a',
  jira: 'ATATT3xFfGF0-test-jira-token-55e0b2',
  dc: 'BBDC-NjQ5MzQ2ODU2MzcwOmRjLXRlc3QtdG9rZW4',
} as const;

export const memorySecrets = (): SecretStore & { readonly data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    get: async (a) => data.get(a) ?? null,
    set: async (a, s) => {
      data.set(a, s);
    },
    delete: async (a) => data.delete(a),
    accounts: async () => [...data.keys()].sort(),
  };
};

/** A target with its check results, as the settings file keeps them. */
export type TargetWithChecks = { readonly target: TargetConfig; readonly checks: CheckResults };

/** A Cloud target whose issues were retired, routed to Jira, with scope and identity evidence. */
export const cloudJira = (): { target: CloudTarget; checks: CheckResults } => {
  const base = readyCloudJira();
  return {
    target: base.target,
    checks: {
      ...base.checks,
      scopes: {
        status: 'sufficient',
        required: ['read:user:bitbucket', 'read:workspace:bitbucket'],
        granted: ['read:user:bitbucket', 'read:workspace:bitbucket'],
        missing: [],
        broader: [],
        credential_type: 'api_token',
        checked_at: AT,
      },
      repository: { status: 'found', is_private: true, uuid: '{3f1c-repo}', has_issues: false, checked_at: AT },
    },
  };
};

/** A Data Center target behind an approved tunnel, with DNS, TLS and redirect evidence. */
export const dcTunnel = (): { target: DataCenterTarget; checks: CheckResults } => {
  const base = readyDataCenterPortable();
  return {
    target: base.target,
    checks: {
      ...base.checks,
      network: {
        status: 'reached',
        redirects: [{ from: 'https://bitbucket.corp.acme.com/bitbucket', to: 'https://bitbucket.corp.acme.com/bitbucket/', status: 301, verdict: 'followed' }],
        tls: {
          fingerprint_sha256: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
          spki_sha256: 'q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=',
          subject: 'CN=bitbucket.corp.acme.com',
          issuer: 'CN=Acme Corp Issuing CA',
          valid_from: '2026-01-01T00:00:00.000Z',
          valid_to: '2027-01-01T00:00:00.000Z',
        },
        api_root: { version: '9.4.1', buildNumber: '9004001', displayName: 'Bitbucket' },
        via_proxy: false,
        timings_ms: { dns: 3, connect: 12, tls: 20 },
        checked_at: AT,
      },
    },
  };
};

export interface Exporter {
  readonly secrets: ReturnType<typeof memorySecrets>;
  readonly keys: SigningKeyService;
  readonly clock: ReturnType<typeof fixedClock>;
  exportOk(t: { target: TargetConfig; checks: CheckResults }, days?: number): Promise<BundleExport>;
}

export const makeExporter = (): Exporter => {
  const secrets = memorySecrets();
  const keys = createSigningKeyService(secrets);
  const clock = fixedClock(NOW);
  return {
    secrets,
    keys,
    clock,
    exportOk: async ({ target, checks }, days) => {
      const r = await exportBundle({ keys, clock, app: APP }, { target, checks, expiresInDays: days });
      if (!r.ok) throw new Error(`export failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
};

export const newKey = (): { privateKey: KeyObject; publicKey: KeyObject; spki: string; fingerprint: string } => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = spkiDerOf(publicKey);
  return { privateKey, publicKey, spki: der.toString('base64'), fingerprint: fingerprintOfSpki(der) };
};

/** Sign any payload object (or bytes) as an envelope file, for cases our exporter never makes. */
export const signedFile = (
  payload: unknown,
  privateKey: KeyObject,
  keyid: string,
  payloadType: string = BUNDLE_PAYLOAD_TYPE,
): string => {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(JSON.stringify(payload), 'utf8');
  return `${JSON.stringify(signEnvelope(payloadType, bytes, privateKey, keyid), null, 2)}\n`;
};

/** The decoded payload of an exported file, as a plain object to edit. */
export const payloadOf = (fileText: string): Record<string, unknown> => {
  const env = JSON.parse(fileText) as { payload: string };
  return JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Record<string, unknown>;
};

import { fail, ok, type Result } from '../../../shared/contract/define';
import type { SigningKeyView } from '../../../shared/contract/bundle';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import { decodeBase64Strict } from '../../services/bundle/dsse';
import { exportBundle } from '../../services/bundle/export-bundle';
import { exportBulkBundle } from '../../services/bulk/export-bulk';
import { createSigningKeyService, type SigningKeyInfo } from '../../services/bundle/signing-key';
import { verifyBundle } from '../../services/bundle/verify-bundle';
import { readTargetSecrets } from '../../services/scrub/target-secrets';
import type { SecretStore } from '../../services/secrets/secret-store';
import { reviewSaveOf } from '../../services/targets/record-revision';
import { findStored } from '../../services/targets/target-records';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

type BundleHandlers = Pick<Handlers, 'bundle.export' | 'bulk.export' | 'bundle.verify' | 'signingKey.get' | 'signingKey.rotate'>;

const view = (info: SigningKeyInfo | null, created: boolean): SigningKeyView => ({
  exists: info !== null,
  created,
  algorithm: 'Ed25519',
  fingerprint: info?.fingerprint ?? null,
  public_key_pem: info?.public_key_pem ?? null,
  public_key_spki: info?.public_key_spki ?? null,
});

/** The target's stored credentials, read only to prove none of them ends up in the file. */
const targetSecrets = async (secrets: SecretStore, id: string): Promise<Result<string[]>> => {
  try {
    return ok(await readTargetSecrets(secrets, id));
  } catch (cause) {
    const hint = cause instanceof Error && cause.name === 'KeychainUnavailableError' ? ` ${cause.message}` : '';
    return fail('KEYCHAIN_UNAVAILABLE', `The OS keychain could not be reached.${hint}`);
  }
};

const notSavedMessage = (name: string, savedAt: string | undefined): string =>
  `"${name.slice(0, 120)}" ${savedAt === undefined ? 'was never saved on the Review step' : `changed after it was saved on the Review step (${savedAt})`}: Export signs only the record saved there. Review it and press "Save target", then export again.`;

export const bundleHandlers = (deps: ApiDeps): BundleHandlers => {
  // One service per api, so concurrent first uses share one lock and make one key.
  const keys = createSigningKeyService(deps.secrets);
  const log = deps.logger;

  return {
    'bundle.export': async ({ id, expires_in_days }) => {
      const settings = await deps.settings.read();
      if (!settings.ok) return settings;
      const stored = findStored(settings.value.targets, id);
      if (stored === undefined) return fail('TARGET_NOT_FOUND', `No saved target has the id or name "${id.slice(0, 120)}".`);
      const forbidden = await targetSecrets(deps.secrets, stored.target.id);
      if (!forbidden.ok) return forbidden;
      // A target that is not ready is refused as such below; a ready one must be the record the Review step saved.
      const review = reviewSaveOf(stored);
      if (evaluateReadiness(stored.target, stored.checks).can_export && review?.current !== true) {
        log?.warn('bundle export refused', { target_id: stored.target.id, code: 'BUNDLE_NOT_SAVED' });
        return fail('BUNDLE_NOT_SAVED', notSavedMessage(stored.target.name, review?.saved_at), { saved_at: review?.saved_at ?? null });
      }
      const r = await exportBundle(
        { keys, clock: deps.clock, app: { name: deps.appInfo.name, version: deps.appInfo.version } },
        { target: stored.target, checks: stored.checks, credentialMeta: stored.credential_meta, expiresInDays: expires_in_days, forbidden: forbidden.value },
      );
      if (r.ok) {
        const { bundle_id, fingerprint, expires_at } = r.value;
        log?.info('bundle exported', { target_id: stored.target.id, bundle_id, fingerprint, expires_at });
      } else {
        log?.warn('bundle export refused', { target_id: stored.target.id, code: r.error.code, blocking: r.error.details?.blocking ?? [] });
      }
      return r;
    },

    // Here, beside bundle.export, so both formats sign with the one key service of this api.
    'bulk.export': async ({ plan, expires_in_days }) => {
      const forbidden = await targetSecrets(deps.secrets, plan.instance.id);
      if (!forbidden.ok) return forbidden;
      // The instance's credential facts when it is a saved target (the radar section lists its expiry).
      const settings = await deps.settings.read();
      const credentialMeta = settings.ok ? findStored(settings.value.targets, plan.instance.id)?.credential_meta : undefined;
      const r = await exportBulkBundle(
        { keys, clock: deps.clock, app: { name: deps.appInfo.name, version: deps.appInfo.version } },
        plan,
        { expiresInDays: expires_in_days, forbidden: forbidden.value, credentialMeta },
      );
      log?.info(r.ok ? 'bulk bundle exported' : 'bulk bundle export refused', r.ok ? { bundle_id: r.value.bundle_id, fingerprint: r.value.fingerprint, repositories: plan.repositories.length } : { code: r.error.code });
      return r;
    },

    'bundle.verify': async ({ text, bytes_base64, fingerprint, trusted }) => {
      const input = text ?? decodeBase64Strict(bytes_base64 ?? '');
      if (input === null) return fail('REQUEST_INVALID', 'bytes_base64 is not canonical base64.');
      const v = verifyBundle(input, { clock: deps.clock, pinnedFingerprint: fingerprint ?? null, trusted: trusted ?? [] });
      log?.info('bundle verified', { verdict: v.verdict, fingerprint: v.fingerprint, bundle_id: v.summary?.bundle_id ?? null });
      return ok(v);
    },

    'signingKey.get': async ({ create }) => {
      if (create) {
        const loaded = await keys.load();
        if (loaded.ok && loaded.value.created) log?.info('signing key created', { fingerprint: loaded.value.info.fingerprint });
        return loaded.ok ? ok(view(loaded.value.info, loaded.value.created)) : loaded;
      }
      const info = await keys.peek();
      return info.ok ? ok(view(info.value, false)) : info;
    },

    'signingKey.rotate': async () => {
      const r = await keys.rotate();
      if (r.ok) log?.info('signing key rotated', { fingerprint: r.value.info.fingerprint, previous_fingerprint: r.value.previous_fingerprint });
      return r.ok ? ok({ key: view(r.value.info, true), previous_fingerprint: r.value.previous_fingerprint }) : r;
    },
  };
};

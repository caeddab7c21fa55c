import { fail, ok, type Result } from '../../../shared/contract/define';
import type { TargetRecord } from '../../../shared/contract/targets';
import { KeychainUnavailableError } from '../../services/secrets/keytar-store';
import { createSerial } from '../../services/targets/serial';
import { duplicateTarget, renameTarget, type ManageContext, type ManageOutcome } from '../../services/targets/manage-target';
import { markReviewed } from '../../services/targets/record-revision';
import { saveTarget } from '../../services/targets/save-target';
import { forgetUnboundSecrets } from '../../services/targets/unbound-secrets';
import { findStored, listAccounts, toRecord } from '../../services/targets/target-records';
import type { StoredTarget } from '../../services/settings/settings-data';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

type TargetHandlers = Pick<Handlers, 'targets.list' | 'targets.get' | 'targets.save' | 'targets.delete' | 'targets.rename' | 'targets.duplicate'>;

const notFound = (ref: string) => fail('TARGET_NOT_FOUND', `No saved target has the id or name "${ref.slice(0, 120)}".`);

export const targetHandlers = (deps: ApiDeps): TargetHandlers => {
  // One change at a time from these handlers. Each write is computed from a read with no wait in
  // between (conf reads and writes synchronously), so other handlers' writes are not lost either.
  const serial = createSerial();
  const context = (): ManageContext => ({ now: deps.clock.now().toISOString(), randomId: deps.newId });

  /** Read, change one stored target, write, answer its fresh record: rename and duplicate. */
  const manage = (ref: string, change: (targets: StoredTarget[], found: StoredTarget) => Result<ManageOutcome>) =>
    serial(async (): Promise<Result<TargetRecord>> => {
      const settings = await deps.settings.read();
      if (!settings.ok) return settings;
      const found = findStored(settings.value.targets, ref);
      if (found === undefined) return notFound(ref);
      const outcome = change(settings.value.targets, found);
      if (!outcome.ok) return outcome;
      await deps.settings.write({ ...settings.value, targets: outcome.value.targets });
      return ok(toRecord(outcome.value.saved, await listAccounts(deps.secrets)));
    });

  return {
    'targets.list': async () => {
      const settings = await deps.settings.read();
      if (!settings.ok) return settings;
      const accounts = await listAccounts(deps.secrets);
      return ok(settings.value.targets.map((t) => toRecord(t, accounts)));
    },

    'targets.get': async ({ id }) => {
      const settings = await deps.settings.read();
      if (!settings.ok) return settings;
      const found = findStored(settings.value.targets, id);
      if (found === undefined) return notFound(id);
      return ok(toRecord(found, await listAccounts(deps.secrets)));
    },

    'targets.save': ({ target: draft, reviewed }) =>
      serial(async () => {
        const settings = await deps.settings.read();
        if (!settings.ok) return settings;
        const now = deps.clock.now().toISOString();
        const outcome = saveTarget(settings.value.targets, draft, { now, randomId: deps.newId });
        if (!outcome.ok) return outcome;
        const previous = settings.value.targets.find((t) => t.target.id === outcome.value.saved.target.id);
        let saved = outcome.value.saved;
        if (previous !== undefined) {
          // A re-pointed target (base URL origin, CA, Jira URL) loses the secrets entered for the old one, before it is written.
          try {
            saved = await forgetUnboundSecrets(deps.secrets, previous, saved, now);
          } catch (cause) {
            if (!(cause instanceof KeychainUnavailableError)) throw cause;
            return fail('KEYCHAIN_UNAVAILABLE', `${cause.message} The target was not saved: its stored credentials, entered for what it pointed at, could not be deleted.`);
          }
        }
        // The Review step's Save vouches for the record exactly as written here.
        if (reviewed === true) saved = markReviewed(saved, now);
        // Re-read: the keychain calls were real waits; between this read and the write there is none.
        const fresh = await deps.settings.read();
        if (!fresh.ok) return fresh;
        const id = saved.target.id;
        const targets = fresh.value.targets.some((t) => t.target.id === id) ? fresh.value.targets.map((t) => (t.target.id === id ? saved : t)) : [...fresh.value.targets, saved];
        await deps.settings.write({ ...fresh.value, targets });
        return ok(toRecord(saved, await listAccounts(deps.secrets)));
      }),

    'targets.rename': ({ id, name }) => manage(id, (targets, found) => renameTarget(targets, found, name, context())),

    'targets.duplicate': ({ id, name }) => manage(id, (targets, found) => duplicateTarget(targets, found, name, context())),

    'targets.delete': ({ id: ref }) =>
      serial(async () => {
        const settings = await deps.settings.read();
        if (!settings.ok) return settings;
        const found = findStored(settings.value.targets, ref);
        if (found === undefined) return notFound(ref);
        const id = found.target.id;
        // Credentials go first: a target is never removed while its secrets would stay behind.
        try {
          const prefix = `${id}:`;
          for (const account of await deps.secrets.accounts()) if (account.startsWith(prefix)) await deps.secrets.delete(account);
        } catch (cause) {
          if (!(cause instanceof KeychainUnavailableError)) throw cause;
          return fail('KEYCHAIN_UNAVAILABLE', `${cause.message} The target was not deleted, so its stored credentials are not left behind.`);
        }
        // Re-read: the keychain calls above were real waits, during which another handler (a check
        // storing its verdict, a credential being saved) may have written the file. Between this
        // read and the write there is no wait, so nothing can slip in.
        const fresh = await deps.settings.read();
        if (!fresh.ok) return fresh;
        await deps.settings.write({ ...fresh.value, targets: fresh.value.targets.filter((t) => t.target.id !== id) });
        return ok({ id, deleted: true as const });
      }),
  };
};

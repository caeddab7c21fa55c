import { fail, ok } from '../../../shared/contract/define';
import { KeychainUnavailableError } from '../../services/secrets/keytar-store';
import { createSerial } from '../../services/targets/serial';
import { saveTarget } from '../../services/targets/save-target';
import { findStored, listAccounts, toRecord } from '../../services/targets/target-records';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

type TargetHandlers = Pick<Handlers, 'targets.list' | 'targets.get' | 'targets.save' | 'targets.delete'>;

const notFound = (ref: string) => fail('TARGET_NOT_FOUND', `No saved target has the id or name "${ref.slice(0, 120)}".`);

export const targetHandlers = (deps: ApiDeps): TargetHandlers => {
  // One change at a time from these handlers. Each write is computed from a read with no wait in
  // between (conf reads and writes synchronously), so other handlers' writes are not lost either.
  const serial = createSerial();

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

    'targets.save': ({ target: draft }) =>
      serial(async () => {
        const settings = await deps.settings.read();
        if (!settings.ok) return settings;
        const outcome = saveTarget(settings.value.targets, draft, { now: deps.clock.now().toISOString(), randomId: deps.newId });
        if (!outcome.ok) return outcome;
        await deps.settings.write({ ...settings.value, targets: outcome.value.targets });
        return ok(toRecord(outcome.value.saved, await listAccounts(deps.secrets)));
      }),

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

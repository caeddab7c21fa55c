import { BINDING_WHAT, bindingChange, bindingOf, sameBinding, type BindingGroup, type CredentialBindings } from '../../../shared/domain/credential-binding';
import type { CheckResults } from '../../../shared/domain/checks';
import type { TargetConfig } from '../../../shared/domain/target';
import type { TargetSecretKind } from '../secrets/credentials';
import { accountFor, type SecretStore } from '../secrets/secret-store';
import type { StoredTarget } from '../settings/settings-data';
import { withoutKinds } from './credential-meta';
import { dropStaleAfterSecret } from './invalidate-checks';

// A secret is bound to what it was entered for (shared/domain/credential-binding.ts). When a save
// re-points the target — another base URL origin, another corporate CA, another Jira URL, another
// provider — the secrets of that binding are deleted from the keychain before the new target is
// written, and the record says why the credential is missing. Nothing is sent to the new place
// with the old secret, whoever made the change (the wizard, the CLI, a stolen browser session).

export const GROUP_KINDS: Readonly<Record<BindingGroup, readonly TargetSecretKind[]>> = {
  bitbucket: ['bitbucket', 'bitbucket_refresh', 'oauth_consumer'],
  jira: ['jira'],
};

const GROUPS: readonly BindingGroup[] = ['bitbucket', 'jira'];

/** The secret groups whose binding differs between what they were entered for and `next`, with why. */
export const movedBindings = (previous: TargetConfig, next: TargetConfig, stored: CredentialBindings | undefined): Array<{ group: BindingGroup; reason: string }> =>
  GROUPS.flatMap((group) => {
    const was = stored?.[group] ?? bindingOf(previous, group);
    const now = bindingOf(next, group);
    return sameBinding(was, now) ? [] : [{ group, reason: bindingChange(was, now, BINDING_WHAT[group]) }];
  });

const missingChecks = (checks: CheckResults, moved: ReadonlyArray<{ group: BindingGroup; reason: string }>, now: string): CheckResults => {
  const out: CheckResults = { ...checks };
  for (const { group, reason } of moved) {
    if (group === 'bitbucket') out.auth = { status: 'missing', code: 'PROVIDER_AUTH_REQUIRED', detail: reason, checked_at: now };
    else out.jira = { status: 'blocked', code: 'PROVIDER_AUTH_REQUIRED', detail: reason, checked_at: now };
  }
  return out;
};

/**
 * `saved` (the target as the save computed it) after deleting every secret whose binding the save
 * moved away from `previous`: the keychain entries are gone, their facts and bindings forgotten,
 * the checks that judged them dropped, and the credential recorded as missing with the reason.
 * Throws KeychainUnavailableError when the keychain cannot delete: the caller must then not save.
 */
export const forgetUnboundSecrets = async (secrets: SecretStore, previous: StoredTarget, saved: StoredTarget, now: string): Promise<StoredTarget> => {
  const moved = movedBindings(previous.target, saved.target, previous.credential_binding);
  if (moved.length === 0) return saved;
  const id = saved.target.id;
  const deleted: TargetSecretKind[] = [];
  const withSecret: typeof moved = [];
  for (const m of moved) {
    let any = false;
    for (const kind of GROUP_KINDS[m.group]) {
      if (await secrets.delete(accountFor(id, kind))) {
        deleted.push(kind);
        any = true;
      }
    }
    if (any) withSecret.push(m);
  }
  const bindings = Object.fromEntries(Object.entries(saved.credential_binding ?? {}).filter(([g]) => !moved.some((m) => m.group === g)));
  const meta = saved.credential_meta === undefined ? undefined : withoutKinds(saved.credential_meta, deleted);
  return {
    ...saved,
    checks: missingChecks(dropStaleAfterSecret(saved.checks, deleted), withSecret, now),
    ...(meta === undefined ? {} : { credential_meta: meta }),
    ...(Object.keys(bindings).length === 0 ? {} : { credential_binding: bindings }),
  };
};

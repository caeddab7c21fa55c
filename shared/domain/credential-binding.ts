import { z } from 'zod';
import { isDataCenter, type TargetConfig } from './target';

// What a stored secret was entered for (issue 12): the normalised origin it goes to and the
// corporate CA the connection trusted then. A secret is sent there and nowhere else; when the
// target stops pointing there (base URL, CA or Jira URL changed) the secret is deleted and asked
// for again. Kept in the settings file next to the credential's other facts; never the secret.

export const CredentialBinding = z.strictObject({
  /** scheme://host[:port] as the URL parser normalises it; null when no URL was set yet. */
  origin: z.string().max(2100).nullable(),
  /** SHA-256 fingerprints of the corporate CA's certificates; empty: the system store only. */
  ca_fingerprints: z.array(z.string().max(100)).max(32),
});
export type CredentialBinding = z.infer<typeof CredentialBinding>;

/** Bitbucket's secrets (token or password, OAuth consumer and tokens) share one binding; Jira's token has its own. */
export const BindingGroup = z.enum(['bitbucket', 'jira']);
export type BindingGroup = z.infer<typeof BindingGroup>;

export const CredentialBindings = z.strictObject({ bitbucket: CredentialBinding.optional(), jira: CredentialBinding.optional() });
export type CredentialBindings = z.infer<typeof CredentialBindings>;

/** The origin of a URL as the WHATWG parser normalises it (lower-case host, default port dropped), or null. */
export const originOf = (url: string | undefined): string | null => {
  if (url === undefined) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/** What a secret of `group` would be bound to if entered for the target as it is now. */
export const bindingOf = (t: TargetConfig, group: BindingGroup): CredentialBinding => ({
  origin: originOf(group === 'jira' ? t.jira?.base_url : t.base_url),
  ca_fingerprints: isDataCenter(t) ? (t.ca?.certificates.map((c) => c.fingerprint_sha256) ?? []) : [],
});

export const sameBinding = (a: CredentialBinding, b: CredentialBinding): boolean =>
  a.origin === b.origin && a.ca_fingerprints.length === b.ca_fingerprints.length && a.ca_fingerprints.every((f, i) => f === b.ca_fingerprints[i]);

const caText = (b: CredentialBinding): string => {
  const first = b.ca_fingerprints[0];
  return first === undefined ? 'the system certificates' : `the corporate CA ${first.slice(0, 23)}…`;
};

/**
 * Why a secret bound to `was` may not be used for `now`, as one sentence for the record: the save
 * that re-pointed the target deleted it, or (defence in depth) a run found it bound elsewhere.
 */
export const bindingChange = (was: CredentialBinding, now: CredentialBinding, what: string, outcome: 'deleted' | 'withheld' = 'deleted'): string => {
  const origin = was.origin === now.origin ? null : `it was entered for ${was.origin ?? 'no URL'}, the target now points at ${now.origin ?? 'no URL'}`;
  const ca = sameBinding({ ...was, origin: null }, { ...now, origin: null }) ? null : `it was entered trusting ${caText(was)}, the target now trusts ${caText(now)}`;
  const done = outcome === 'deleted' ? 'was deleted from the keychain' : 'was not sent';
  return `The stored ${what} ${done}: ${[origin, ca].filter((x) => x !== null).join('; ')}. Enter it again for the new target.`;
};

/** What the record calls the secrets of each binding group. */
export const BINDING_WHAT: Readonly<Record<BindingGroup, string>> = { bitbucket: 'Bitbucket credential', jira: 'Jira credential' };

/** Whether a stored secret of `group` may be sent for `t` now: where it may go, or why it is withheld. */
export type SecretUse = { readonly usable: true; readonly binding: CredentialBinding } | { readonly usable: false; readonly reason: string };

/**
 * The one check every path that sends a stored secret makes (check runs, Jira, bulk, provider
 * lists): a secret bound elsewhere is not sent. A secret stored before bindings were kept
 * (`bound` undefined) is bound to the target as it is now.
 */
export const secretUse = (t: TargetConfig, group: BindingGroup, bound: CredentialBinding | undefined): SecretUse => {
  const current = bindingOf(t, group);
  const binding = bound ?? current;
  return sameBinding(binding, current) ? { usable: true, binding } : { usable: false, reason: bindingChange(binding, current, BINDING_WHAT[group], 'withheld') };
};

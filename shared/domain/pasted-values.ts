import type { StorableCredentialKind } from '../contract/credentials';
import { isDataCenter, type TargetConfig } from './target';

// What an admin pastes is cleaned once, here: a token copied with the line break (or the spaces)
// around it, a repository's browser or clone URL pasted where the workspace goes.

/**
 * The secret as it is meant: tokens and consumer secrets never hold whitespace, so whitespace
 * and line breaks around them are dropped (a pasted token with a trailing newline got a 401). A
 * Data Center password may begin or end with a space, so only the line break a paste brings is.
 */
export const cleanPastedSecret = (target: TargetConfig, kind: StorableCredentialKind, secret: string): string => {
  const password = kind === 'bitbucket' && isDataCenter(target) && target.auth_method === 'basic';
  return password ? secret.replace(/^[\r\n]+|[\r\n]+$/gu, '') : secret.trim();
};

const SLUG = /^[A-Za-z0-9_.~-]+$/u;

/**
 * A Bitbucket Cloud repository or workspace URL as people copy it — the browser address
 * (`https://bitbucket.org/acme/payments/src/main/`), the HTTPS clone URL (with its `user@`), the
 * SSH one (`git@bitbucket.org:acme/payments.git`) — as its workspace and repository slug. Null
 * when the text is not such a URL (a plain workspace name stays what it is).
 */
export const cloudRepositoryFromUrl = (text: string): { workspace: string; repository?: string } | null => {
  const t = text.trim();
  const m =
    /^(?:https?:\/\/)?(?:[^/@\s]+@)?(?:www\.)?bitbucket\.org\/([^/?#\s]+)(?:\/([^/?#\s]+))?/iu.exec(t) ??
    /^(?:ssh:\/\/)?git@bitbucket\.org[:/]([^/\s]+)\/([^/?#\s]+)/iu.exec(t);
  if (m === null) return null;
  const workspace = m[1] ?? '';
  const repository = m[2]?.replace(/\.git$/iu, '');
  if (!SLUG.test(workspace)) return null;
  return repository !== undefined && SLUG.test(repository) ? { workspace, repository } : { workspace };
};

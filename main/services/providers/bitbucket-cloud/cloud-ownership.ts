import type { CheckFinding } from '../../../../shared/contract/checks';
import type { WorkspaceCheck } from '../../../../shared/domain/checks';
import { WorkspaceRole } from '../../../../shared/domain/vocabulary';
import { fail, failFrom, pass, warn } from '../common/findings';
import type { ProviderFailure } from '../common/provider-result';
import type { CloudClient } from './cloud-client';
import type { CloudRepository } from './cloud-schemas';

// Whether the workspace is customer-owned, two ways: a user credential's membership role, or an
// access token's resource. Access tokens belong to a repository, project or workspace, not a user
// (https://developer.atlassian.com/cloud/bitbucket/rest/intro/#access-tokens), and cannot hold the
// `account` scope the membership endpoint needs: their ownership is the workspace of the resource
// they can read, plus an admin's confirmation that they created the token (recorded on the target).

const OWNED_ROLES: ReadonlySet<string> = new Set(['owner', 'create-project', 'member']);
const TITLE = 'Workspace';

export interface OwnershipOutcome {
  readonly record?: WorkspaceCheck;
  readonly finding: CheckFinding;
  /** A 403 that named scopes, for the scope check. */
  readonly scopeFailure?: ProviderFailure;
  readonly rateLimit?: ProviderFailure;
  readonly headers?: Readonly<Record<string, string>>;
}

const roleOf = (permission: string | undefined): WorkspaceCheck['role'] => {
  const parsed = WorkspaceRole.safeParse(permission);
  return parsed.success ? parsed.data : 'none';
};

/** API tokens, OAuth: GET /user/workspaces/{workspace}/permission — owner, create-project and member are customer-owned. */
export const membershipOwnership = async (client: CloudClient, workspace: string, at: Date): Promise<OwnershipOutcome> => {
  const perm = await client.workspacePermission(workspace);
  if (perm.ok) {
    const role = roleOf(perm.value.permission);
    const owned = OWNED_ROLES.has(role);
    return {
      record: { role, customer_owned: owned, basis: 'membership', checked_at: at.toISOString() },
      finding: owned
        ? pass('workspace', TITLE, `The credential's user is ${role} of ${workspace}: the workspace is customer-owned.`, { role })
        : fail('workspace', TITLE, 'PROVIDER_WORKSPACE_NOT_OWNED', `The credential's user is only ${role} of ${workspace}.`, { role }),
      headers: perm.response.headers,
    };
  }
  const f = perm.failure;
  if (f.code === 'PROVIDER_RATE_LIMITED') return { finding: failFrom('workspace', TITLE, f), rateLimit: f };
  if (f.scopes !== undefined) return { finding: failFrom('workspace', TITLE, f), scopeFailure: f };
  if (f.status === 403 || f.status === 404) {
    return {
      record: { role: 'none', customer_owned: false, basis: 'membership', checked_at: at.toISOString() },
      finding: fail('workspace', TITLE, 'PROVIDER_WORKSPACE_NOT_OWNED', `The credential's user is not a member of ${workspace}.`, { role: 'none', http_status: f.status }),
    };
  }
  return { finding: failFrom('workspace', TITLE, f) };
};

/**
 * Access tokens: the repository the token reads names its workspace (`workspace.slug`); it must be
 * the workspace entered. The admin's confirmation is asked for by readiness, not here, so that
 * recording it later does not need another run.
 */
export const accessTokenOwnership = (repo: CloudRepository, workspace: string, credentialType: string | undefined, at: Date): OwnershipOutcome => {
  const slug = repo.workspace?.slug;
  const token = credentialType ?? 'access token';
  if (slug === undefined) {
    return { finding: warn('workspace', TITLE, `The repository answer did not name its workspace, so the ${token} cannot be tied to ${workspace}.`) };
  }
  const same = slug.toLowerCase() === workspace.toLowerCase();
  return {
    record: { role: 'none', customer_owned: same, basis: 'access_token', bound_workspace: slug, checked_at: at.toISOString() },
    finding: same
      ? pass('workspace', TITLE, `The ${token} is bound to a repository of ${slug}: the workspace is the one entered. An admin's confirmation that they created the token completes ownership.`, {
          basis: 'access_token',
          bound_workspace: slug,
          ...(credentialType === undefined ? {} : { credential_type: credentialType }),
        })
      : fail('workspace', TITLE, 'PROVIDER_WORKSPACE_NOT_OWNED', `The ${token} reads a repository of ${slug}, not of ${workspace}.`, { basis: 'access_token', bound_workspace: slug }),
  };
};

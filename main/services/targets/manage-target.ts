import { ok, type Result } from '../../../shared/contract/define';
import { TargetConfig, type CloudTarget, type DataCenterTarget } from '../../../shared/domain/target';
import type { StoredTarget } from '../settings/settings-data';
import { defaultTargetName, isGeneratedName, nameKey, nameRefusal, newTargetId, uniqueDefaultName } from './target-identity';

// Rename and duplicate: list in, list out, pure (the handler reads and writes the file around them).

export interface ManageContext {
  readonly now: string;
  readonly randomId: () => string;
}

export interface ManageOutcome {
  readonly saved: StoredTarget;
  readonly targets: StoredTarget[];
}

/**
 * A new name for a saved target. The id (the keychain's account prefix) stays, so its stored
 * credentials and checks stay with it; the name must be free (REQUEST_INVALID otherwise).
 */
export const renameTarget = (targets: readonly StoredTarget[], stored: StoredTarget, name: string, ctx: ManageContext): Result<ManageOutcome> => {
  const refused = nameRefusal(
    targets.filter((t) => t !== stored),
    name,
  );
  if (refused !== null) return refused;
  const saved: StoredTarget = { ...stored, target: { ...stored.target, name: name.trim(), updated_at: ctx.now } };
  return ok({ saved, targets: targets.map((t) => (t === stored ? saved : t)) });
};

/** The fields of a copy: everything but what belonged to the source's credential. */
type Stamps = 'id' | 'name' | 'created_at' | 'updated_at';
const copiedConfig = (source: TargetConfig): Omit<CloudTarget, Stamps> | Omit<DataCenterTarget, Stamps> => {
  const { id: _id, name: _name, created_at: _c, updated_at: _u, ...fields } = source;
  if (fields.provider_key === 'bitbucket_data_center_issues') return fields;
  // Scopes are what the source's credential granted, the token owner's confirmation is about that
  // token, and a native route stood on the tracker check that credential made: none carries over.
  const { token_owner_confirmation: _t, scopes: _s, issue_workflow, ...rest } = fields;
  return { ...rest, scopes: [], ...(issue_workflow === undefined || issue_workflow === 'native' ? {} : { issue_workflow }) };
};

/**
 * A copy of a saved target under a new id, for the next repository on the same host: the same
 * provider, host, network path, CA, confirmations and handoff, but no secret (the keychain entries
 * are the source's alone), no credential facts and no check results: the copy is checked anew.
 * Unnamed, a generated name follows the source's rule; a chosen name is kept as "<name> (copy)".
 */
export const duplicateTarget = (targets: readonly StoredTarget[], source: StoredTarget, name: string | undefined, ctx: ManageContext): Result<ManageOutcome> => {
  if (name !== undefined) {
    const refused = nameRefusal(targets, name);
    if (refused !== null) return refused;
  }
  const config = copiedConfig(source.target);
  const taken = new Set(targets.map((t) => nameKey(t.target.name)));
  const copyName =
    name?.trim() ?? uniqueDefaultName(isGeneratedName(source.target) ? defaultTargetName(config) : `${source.target.name} (copy)`, taken);
  const id = newTargetId(copyName, new Set(targets.map((t) => t.target.id)), ctx.randomId);
  const target = TargetConfig.parse({ ...config, id, name: copyName, created_at: ctx.now, updated_at: ctx.now });
  const saved: StoredTarget = { target, checks: {} };
  return ok({ saved, targets: [...targets, saved] });
};

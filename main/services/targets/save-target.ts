import type { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/contract/define';
import type { CheckResults } from '../../../shared/domain/checks';
import { draftViolations } from '../../../shared/domain/step-graph';
import { TargetConfig, type TargetDraft } from '../../../shared/domain/target';
import type { StoredTarget } from '../settings/settings-data';
import { keepValidChecks } from './invalidate-checks';
import { withStoredUrls } from './stored-url';
import { caFieldsFor } from './target-ca';
import { defaultTargetName, isGeneratedName, nameKey, nameRefusal, newTargetId, uniqueDefaultName } from './target-identity';

type ParsedDraft = z.output<typeof TargetDraft>;

export interface SaveContext {
  readonly now: string;
  readonly randomId: () => string;
}

export interface SaveOutcome {
  readonly saved: StoredTarget;
  /** The full list to write back, the saved target in place (or appended). */
  readonly targets: StoredTarget[];
  readonly dropped: string[];
}

const issuesOf = (error: z.ZodError): Array<{ path: string; message: string }> =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));

/**
 * Create or update one target in the list: fill id, name and timestamps, drop the checks a changed
 * field made stale, then refuse fields the documentation order does not allow yet (STEP_LOCKED)
 * and names another target already uses (REQUEST_INVALID). Pure: the caller reads and writes.
 */
export const saveTarget = (targets: readonly StoredTarget[], draft: ParsedDraft, ctx: SaveContext): Result<SaveOutcome> => {
  const existing = draft.id === undefined ? undefined : targets.find((t) => t.target.id === draft.id);
  const others = targets.filter((t) => t !== existing);
  const generated = existing !== undefined && isGeneratedName(existing.target);
  // A form sends the name it shows back with every save: a generated one sent back unchanged is
  // not a choice, so it keeps following the host, workspace and repository.
  const given = draft.name !== undefined && !(generated && existing !== undefined && nameKey(draft.name) === nameKey(existing.target.name)) ? draft.name : undefined;

  if (given !== undefined) {
    const taken = nameRefusal(others, given);
    if (taken !== null) return taken;
  }

  const urls = withStoredUrls(draft);
  if (!urls.ok) return urls;
  const takenNames = new Set(others.map((t) => nameKey(t.target.name)));
  const name = given ?? (existing !== undefined && !generated ? existing.target.name : uniqueDefaultName(defaultTargetName(urls.value), takenNames));
  // A readable id from the (given or generated) name; random only when the name has no usable letters.
  const id = draft.id ?? newTargetId(name, new Set(targets.map((t) => t.target.id)), ctx.randomId);

  let fields: Readonly<Record<string, unknown>> = urls.value;
  if (urls.value.provider_key === 'bitbucket_data_center_issues') {
    const { ca_pem: caPem, ...rest } = urls.value;
    const ca = caFieldsFor(existing?.target, caPem);
    if (!ca.ok) return ca;
    fields = { ...rest, ...ca.value };
  }
  const parsed = TargetConfig.safeParse({ ...fields, id, name, created_at: existing?.target.created_at ?? ctx.now, updated_at: ctx.now });
  if (!parsed.success) return fail('REQUEST_INVALID', 'The target is not valid.', { issues: issuesOf(parsed.error) });
  const target = parsed.data;

  const previousChecks: CheckResults = existing?.checks ?? {};
  const { checks, dropped } = existing === undefined ? { checks: previousChecks, dropped: [] } : keepValidChecks(existing.target, target, previousChecks);

  const violations = draftViolations(target, checks);
  if (violations.length > 0) {
    return fail('STEP_LOCKED', `Not saved: ${violations.map((v) => v.reason).join(' ')}`, {
      violations: violations.map((v) => ({ field: v.field, step: v.step, reason: v.reason })),
    });
  }

  // The credential's facts and bindings stay with the target (the targets.save handler forgets
  // those a re-pointed target no longer matches, with their secrets).
  const saved: StoredTarget = {
    ...(existing?.credential_meta === undefined ? {} : { credential_meta: existing.credential_meta }),
    ...(existing?.credential_binding === undefined ? {} : { credential_binding: existing.credential_binding }),
    // The Review step's last Save stays; whether it still stands is its revision's to say (record-revision.ts).
    ...(existing?.reviewed === undefined ? {} : { reviewed: existing.reviewed }),
    target,
    checks,
  };
  const list = existing === undefined ? [...targets, saved] : targets.map((t) => (t === existing ? saved : t));
  return ok({ saved, targets: list, dropped });
};

import type { ApiClient } from '../../../shared/contract/client';
import { verdictTotals, type BulkPlan } from '../../../shared/domain/bulk-plan';
import type { TargetDraft } from '../../../shared/domain/target';
import { UsageError, type CliIO } from '../cli-io';
import { readSecrets } from './check';

// What bulk discover and bulk check share: the session's copy of the instance with the run's
// credentials, and the totals line.

export type BulkDraft = Exclude<TargetDraft, undefined>;
type Draft = BulkDraft;

/**
 * The session's copy of the instance, with the run's credentials in its memory keychain: the
 * target id it was saved under, or an exit code when it could not be set up.
 */
export const sessionInstance = async (io: CliIO, client: ApiClient, target: Draft, stdin: boolean): Promise<string> => {
  const saved = await client['targets.save']({ target });
  if (!saved.ok) throw new UsageError(`${saved.error.code}: ${saved.error.message}`);
  const secrets = await readSecrets(io, stdin);
  const id = saved.value.target.id;
  for (const [kind, secret] of [['bitbucket', secrets.bitbucket ?? io.env['BTS_BITBUCKET_SECRET']], ['jira', secrets.jira ?? io.env['BTS_JIRA_SECRET']]] as const) {
    if (secret === undefined) continue;
    const stored = await client['credentials.store']({ target_id: id, kind, secret });
    if (!stored.ok) throw new UsageError(`${stored.error.code}: ${stored.error.message}`);
  }
  return id;
};

/** A plan's instance as a draft the session accepts (the store sets the times again). */
export const draftOfInstance = (plan: BulkPlan): Draft => {
  const { created_at: _c, updated_at: _u, ...rest } = plan.instance;
  void _c;
  void _u;
  if (rest.provider_key === 'bitbucket_cloud_issues') return rest;
  // A draft names its CA by PEM text; the plan keeps the stored CA (PEM and facts).
  const { ca, ca_needs_choice: _choice, ...dc } = rest;
  void _choice;
  return { ...dc, ...(ca === undefined ? {} : { ca_pem: ca.pem }) };
};

export const totalsLine = (plan: BulkPlan): string => {
  const totals = Object.entries(verdictTotals(plan.repositories)).filter(([, n]) => n > 0);
  const excluded = plan.repositories.filter((r) => r.excluded).length;
  return `${plan.repositories.length - excluded} repositories${excluded > 0 ? ` (+${excluded} excluded)` : ''}: ${totals.map(([v, n]) => `${v} ${n}`).join(', ') || 'none'}`;
};


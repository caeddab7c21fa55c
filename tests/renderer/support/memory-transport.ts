import { contract, fail, ok, type MethodName, type Result, type Transport } from '../../../shared/contract';
import type { TargetRecord } from '../../../shared/contract';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import { TargetConfig } from '../../../shared/domain/target';
import { caFieldsFor } from '../../../main/services/targets/target-ca';
import { recordRevision } from '../../../main/services/targets/record-revision';

/** Answers a test puts in place of the memory transport's own, per method (e.g. a KEYCHAIN_UNAVAILABLE); undefined = its own. */
export type Overrides = Partial<Record<MethodName, (input: unknown) => Result<unknown> | undefined>>;

/**
 * A small in-memory stand-in for the main process, for component tests: it parses every input
 * with the contract like the real dispatcher, keeps targets in a Map, and answers each mutation
 * with the fresh record as the real handlers do. It records each call.
 */
export const createMemoryTransport = (seed: readonly TargetRecord[] = [], overrides: Overrides = {}) => {
  const targets = new Map(seed.map((r) => [r.target.id, r]));
  const calls: Array<{ name: MethodName; input: unknown }> = [];
  let counter = 0;
  const now = '2026-11-29T08:00:00.000Z';
  const found = (id: unknown): Result<TargetRecord> => {
    const record = targets.get(String(id));
    return record === undefined ? fail('TARGET_NOT_FOUND', 'No saved target has that id.') : ok(record);
  };
  // The Review step's Save, as the main process keeps it: the revision it saved (the real
  // record-revision.ts over what this stand-in keeps), judged again on every answer.
  const reviewed = new Map<string, { at: string; revision: string }>();
  const revisionOf = (r: TargetRecord): string => `${recordRevision({ target: r.target, checks: r.checks })}/${r.credential}`;
  const put = (record: TargetRecord, review = false): TargetRecord => {
    if (review) reviewed.set(record.target.id, { at: now, revision: revisionOf(record) });
    const saved = reviewed.get(record.target.id);
    const { review: _old, ...rest } = record;
    const fresh = {
      ...rest,
      readiness: evaluateReadiness(record.target, record.checks),
      ...(saved === undefined ? {} : { review: { saved_at: saved.at, current: saved.revision === revisionOf(record) } }),
    };
    targets.set(fresh.target.id, fresh);
    return fresh;
  };
  const handle = (name: MethodName, input: unknown): Result<unknown> => {
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) return fail('REQUEST_INVALID', `The request to ${name} is not valid.`);
    const answer = overrides[name]?.(parsed.data);
    if (answer !== undefined) return answer;
    const body = parsed.data as Record<string, unknown>;
    switch (name) {
      case 'app.info':
        return ok({ name: 'Bitbucket Target Setup', version: '0.1.0', mode: 'test', runtime: { node: '20' } });
      case 'health.report':
        return ok({
          healthy: true,
          keychain: { status: 'available', store: 'os_keychain' },
          signing_key: 'absent',
          mode: 'test',
          platform: 'linux',
          proxy: { https: null, no_proxy: null, ignored: [] },
          runtime: { node: '20' },
        });
      case 'targets.list':
        return ok([...targets.values()]);
      case 'targets.get':
        return found(body.id);
      case 'targets.save': {
        const draft = body.target as Record<string, unknown>;
        counter += 1;
        const id = typeof draft.id === 'string' ? draft.id : `target-${counter}`;
        const previous = targets.get(id);
        // A Data Center draft's CA text is judged by the real code (the one CA loader), as targets.save does.
        const { ca_pem: caPem, ...fields } = draft;
        const ca = draft.provider_key === 'bitbucket_data_center_issues' ? caFieldsFor(previous?.target, caPem as string | null | undefined) : ok({});
        if (!ca.ok) return ca;
        const target = TargetConfig.parse({
          name: `Bitbucket target ${counter}`,
          ...fields,
          ...ca.value,
          id,
          created_at: previous?.target.created_at ?? now,
          updated_at: now,
        });
        return ok(put({ target, checks: previous?.checks ?? {}, credential: previous?.credential ?? 'missing', readiness: evaluateReadiness(target, {}) }, body.reviewed === true));
      }
      case 'credentials.store': {
        const r = found(body.target_id);
        if (!r.ok) return r;
        const record = body.kind === 'bitbucket' ? put({ ...r.value, credential: 'stored' }) : r.value;
        return ok({ record, kind: body.kind, state: 'stored' });
      }
      case 'checks.run': {
        const r = found(body.target_id);
        if (!r.ok) return r;
        const record = put({ ...r.value, checks: { ...r.value.checks, auth: { status: 'ok' as const, identity: { display_name: 'Dana Admin' }, checked_at: now } } });
        return ok({ record, findings: [{ id: 'auth', title: 'Credential', verdict: 'pass', detail: 'Signed in.', evidence: {} }] });
      }
      case 'jira.check': {
        const r = found(body.target_id);
        if (!r.ok) return r;
        const record = put({ ...r.value, checks: { ...r.value.checks, jira: { status: 'ok' as const, project: { key: 'SEC', name: 'Security' }, checked_at: now } } });
        return ok({ record, findings: [{ id: 'jira', title: 'Jira project', verdict: 'pass', detail: 'Project SEC found.', evidence: {} }] });
      }
      case 'oauth.connect': {
        const r = found(body.target_id);
        if (!r.ok) return r;
        const { auth: _stale, ...checks } = r.value.checks;
        return ok({ record: put({ ...r.value, checks, credential: 'stored' }), state: 'stored', scopes: ['account', 'repository'] });
      }
      case 'credentials.delete': {
        const r = found(body.target_id);
        if (!r.ok) return ok({ deleted: [] });
        return ok({ record: put({ ...r.value, credential: 'missing' }), deleted: ['bitbucket'] });
      }
      case 'url.checkTarget': {
        const r = found(body.target_id);
        if (!r.ok) return r;
        const url_safety = { status: 'passed' as const, normalized: r.value.target.base_url, addresses: [{ ip: '10.20.0.5', range: 'private', family: 4 as const }], checked_at: now };
        return ok({ target_id: r.value.target.id, url_safety, record: put({ ...r.value, checks: { ...r.value.checks, url_safety } }) });
      }
      case 'targets.delete':
        targets.delete(String(body.id));
        return ok({ id: String(body.id), deleted: true });
      default:
        return fail('METHOD_UNKNOWN', `The memory transport does not implement ${name}.`);
    }
  };
  const transport: Transport = async (name, input) => {
    calls.push({ name, input });
    return handle(name, input);
  };
  return { transport, calls, targets };
};

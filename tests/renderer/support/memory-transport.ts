import { contract, fail, ok, type MethodName, type Result, type Transport } from '../../../shared/contract';
import type { TargetRecord } from '../../../shared/contract';
import { evaluateReadiness } from '../../../shared/domain/readiness';
import { TargetConfig } from '../../../shared/domain/target';

/**
 * A small in-memory stand-in for the main process, for component tests: it parses every input
 * with the contract like the real dispatcher and keeps targets in a Map. It records each call.
 */
export const createMemoryTransport = (seed: readonly TargetRecord[] = []) => {
  const targets = new Map(seed.map((r) => [r.target.id, r]));
  const calls: Array<{ name: MethodName; input: unknown }> = [];
  let counter = 0;
  const now = '2026-11-29T08:00:00.000Z';
  const handle = (name: MethodName, input: unknown): Result<unknown> => {
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) return fail('REQUEST_INVALID', `The request to ${name} is not valid.`);
    const body = parsed.data as Record<string, unknown>;
    switch (name) {
      case 'app.info':
        return ok({ name: 'Bitbucket Target Setup', version: '0.1.0', mode: 'test', runtime: { node: '20' } });
      case 'targets.list':
        return ok([...targets.values()]);
      case 'targets.get': {
        const found = targets.get(String(body.id));
        return found === undefined ? fail('TARGET_NOT_FOUND', 'No saved target has that id.') : ok(found);
      }
      case 'targets.save': {
        const draft = body.target as Record<string, unknown>;
        counter += 1;
        const id = typeof draft.id === 'string' ? draft.id : `target-${counter}`;
        const previous = targets.get(id);
        const target = TargetConfig.parse({
          name: `Bitbucket target ${counter}`,
          ...draft,
          id,
          created_at: previous?.target.created_at ?? now,
          updated_at: now,
        });
        const checks = previous?.checks ?? {};
        const record: TargetRecord = { target, checks, credential: 'missing', readiness: evaluateReadiness(target, checks) };
        targets.set(id, record);
        return ok(record);
      }
      case 'credentials.store': {
        const found = targets.get(String(body.target_id));
        if (found === undefined) return fail('TARGET_NOT_FOUND', 'No saved target has that id.');
        targets.set(found.target.id, { ...found, credential: 'stored' });
        return ok({ target_id: found.target.id, kind: body.kind, state: 'stored' });
      }
      case 'checks.run': {
        const found = targets.get(String(body.target_id));
        if (found === undefined) return fail('TARGET_NOT_FOUND', 'No saved target has that id.');
        const checks = { ...found.checks, auth: { status: 'ok' as const, identity: { display_name: 'Dana Admin' }, checked_at: now } };
        const readiness = evaluateReadiness(found.target, checks);
        targets.set(found.target.id, { ...found, checks, readiness });
        return ok({ target_id: found.target.id, checks, findings: [{ id: 'auth', title: 'Credential', verdict: 'pass', detail: 'Signed in.', evidence: {} }], readiness });
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

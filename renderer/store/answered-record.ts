import type { MethodName, MethodOutput, TargetRecord } from '../../shared/contract';

type RecordPicks = { readonly [M in MethodName]?: (value: MethodOutput<M>) => TargetRecord | undefined };

/**
 * The mutating methods and where their answer carries the fresh target record. The store replaces
 * its state from it, so no screen reloads the target after a change.
 */
const ANSWERED_RECORD: RecordPicks = {
  'targets.save': (record) => record,
  'targets.rename': (record) => record,
  'targets.duplicate': (record) => record,
  'credentials.store': (v) => v.record,
  'credentials.delete': (v) => v.record,
  'checks.run': (v) => v.record,
  'jira.check': (v) => v.record,
  'oauth.connect': (v) => v.record,
  'url.checkTarget': (v) => v.record,
};

export const answeredRecord = <M extends MethodName>(method: M, value: MethodOutput<M>): TargetRecord | undefined => {
  const pick: ((v: MethodOutput<M>) => TargetRecord | undefined) | undefined = ANSWERED_RECORD[method];
  return pick === undefined ? undefined : pick(value);
};

import { describe, expect, it } from 'vitest';
import { createAppClient } from '../../../renderer/api/client';
import { METHOD_NAMES, type MethodName } from '../../../shared/contract/method-names';

// The renderer's client loads the contract's schemas with its first call (a lazy chunk in the
// build); what it answers must be what the contract's own client answers: every answer parsed.

const recording = (answer: (name: MethodName) => unknown) => {
  const calls: MethodName[] = [];
  const client = createAppClient(async (name) => {
    calls.push(name);
    return answer(name);
  });
  return { client, calls };
};

describe('createAppClient (contract schemas loaded on the first call)', () => {
  it('has one verb per contract method and calls nothing before it is used', () => {
    const { client, calls } = recording(() => ({ ok: true, value: [] }));
    expect(Object.keys(client).sort()).toEqual([...METHOD_NAMES].sort());
    expect(calls).toEqual([]);
  });

  it('parses every answer against the contract: a well-formed one passes, a malformed one is refused', async () => {
    const good = recording(() => ({ ok: true, value: [] }));
    expect(await good.client['targets.list']({})).toEqual({ ok: true, value: [] });
    expect(good.calls).toEqual(['targets.list']);

    const bad = recording(() => ({ ok: true, value: [{ target: { id: 'NOT A TARGET' } }] }));
    expect(await bad.client['targets.list']({})).toEqual({
      ok: false,
      error: { code: 'INTERNAL_ERROR', message: 'The answer to targets.list did not match the contract.' },
    });
  });

  it('passes a coded failure through as it arrived', async () => {
    const { client } = recording(() => ({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'No Secret Service.' } }));
    expect(await client['credentials.store']({ target_id: 'cloud-1', kind: 'bitbucket', secret: 'x' })).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'No Secret Service.' },
    });
  });
});

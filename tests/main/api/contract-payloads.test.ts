import { afterAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract/method-names';
import { testApi } from '../../support/test-api';

// Every method of the contract, whoever added it, refuses a malformed payload with a coded error
// before its handler runs. The list is METHOD_NAMES itself, so a new method is covered the moment
// it is added.

const BAD_PAYLOADS: Array<[string, unknown]> = [
  ['a string', 'targets'],
  ['an empty string', ''],
  ['a number', 42],
  ['a boolean', true],
  ['an array', []],
  ['an array of objects', [{}]],
  ['an object with an unknown key', { __unknown_key__: 1 }],
  ['a prototype-pollution key', JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}')],
];

const t = testApi();
afterAll(() => t.cleanup());

describe.each(METHOD_NAMES.map((name) => [name]))('%s', (name) => {
  it.each(BAD_PAYLOADS)('refuses %s with REQUEST_INVALID', async (_label, payload) => {
    const r = await t.api.call(name, payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('REQUEST_INVALID');
    expect(r.error.message).toContain(name);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('unknown names', () => {
  it.each([['nope'], ['targets.list '], ['__proto__'], ['constructor'], ['/api/app.info']])('answers METHOD_UNKNOWN for %j', async (name) => {
    const r = await t.api.call(name, {});
    expect(!r.ok && r.error.code).toBe('METHOD_UNKNOWN');
  });
});

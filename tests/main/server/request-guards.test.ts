import { describe, expect, it } from 'vitest';
import { cookieValues, hostAllowed, jsonContentType, originAllowed, secretIndex } from '../../../main/server/request-guards';

const TOKEN = 'ab'.repeat(32);

describe('request guards', () => {
  const hosts: Array<[string | undefined, boolean]> = [
    ['127.0.0.1:8080', true],
    ['localhost:8080', true],
    ['127.0.0.1', false],
    ['localhost', false],
    ['LOCALHOST:8080', false],
    ['127.0.0.1:8081', false],
    ['[::1]:8080', false],
    ['evil.example', false],
    ['127.0.0.1.evil.example:8080', false],
    ['127.0.0.1:8080 ', false],
    [undefined, false],
  ];
  it.each(hosts)('Host %j → %s', (host, allowed) => expect(hostAllowed(host, 8080)).toBe(allowed));

  const origins: Array<[string | undefined, boolean]> = [
    [undefined, true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost:8080', true],
    ['null', false],
    ['https://127.0.0.1:8080', false],
    ['http://127.0.0.1:8081', false],
    ['http://evil.example', false],
    ['http://127.0.0.1:8080/', false],
  ];
  it.each(origins)('Origin %j → %s', (origin, allowed) => expect(originAllowed(origin, 8080)).toBe(allowed));

  const OTHER = 'cd'.repeat(32);
  const secrets: Array<[string, readonly string[], number]> = [
    [TOKEN, [TOKEN], 0],
    [TOKEN, [OTHER, TOKEN], 1],
    [OTHER, [OTHER, TOKEN], 0],
    [TOKEN, [], -1],
    [TOKEN, [OTHER], -1],
    ['', [''], -1],
    [TOKEN.slice(1), [TOKEN], -1],
    [`${TOKEN}x`, [TOKEN], -1],
    [TOKEN.toUpperCase(), [TOKEN], -1],
    [` ${TOKEN}`, [TOKEN], -1],
  ];
  it.each(secrets)('secret %j among %j → index %i', (presented, list, index) => expect(secretIndex(presented, list)).toBe(index));

  const cookies: Array<[string | undefined, string[]]> = [
    [undefined, []],
    ['', []],
    ['bts_session_8080=abc', ['abc']],
    ['a=1; bts_session_8080=abc; b=2', ['abc']],
    ['bts_session_8080=abc;bts_session_8080=def', ['abc', 'def']],
    ['bts_session_80801=abc', []],
    ['xbts_session_8080=abc', []],
    ['bts_session_8080', []],
    ['bts_session_8080 =abc', []],
    ['bts_session_8080=', ['']],
  ];
  it.each(cookies)('Cookie %j → %j', (header, values) => expect(cookieValues(header, 'bts_session_8080')).toEqual(values));

  const types: Array<[string | undefined, boolean]> = [
    [undefined, true],
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['application/jsonp', false],
  ];
  it.each(types)('Content-Type %j → %s', (type, allowed) => expect(jsonContentType(type)).toBe(allowed));
});

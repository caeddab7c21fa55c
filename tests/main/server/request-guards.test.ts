import { describe, expect, it } from 'vitest';
import { bearerMatches, hostAllowed, jsonContentType, originAllowed } from '../../../main/server/request-guards';

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

  const bearers: Array<[string | undefined, boolean]> = [
    [`Bearer ${TOKEN}`, true],
    [undefined, false],
    ['', false],
    ['Bearer ', false],
    [`bearer ${TOKEN}`, false],
    [`Bearer  ${TOKEN}`, false],
    [`Bearer ${TOKEN} `, false],
    [`Bearer ${TOKEN}x`, false],
    [`Bearer ${TOKEN.slice(1)}`, false],
    [`Basic ${TOKEN}`, false],
  ];
  it.each(bearers)('Authorization %j → %s', (header, allowed) => expect(bearerMatches(header, TOKEN)).toBe(allowed));

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

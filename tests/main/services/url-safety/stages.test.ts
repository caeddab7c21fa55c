import { describe, expect, it } from 'vitest';
import { classifyIp } from '../../../../main/services/url-safety/classify-ip';
import { classifyName } from '../../../../main/services/url-safety/private-names';
import { checkSyntax } from '../../../../main/services/url-safety/syntax';

// The stages one by one: each returns a value with its reason.

describe('syntax: normalisation', () => {
  it.each([
    ['HTTPS://Bitbucket.Example-Corp.COM/', 'https://bitbucket.example-corp.com'],
    ['https://bitbucket.example-corp.com./bitbucket/', 'https://bitbucket.example-corp.com/bitbucket'],
    ['https://bitbucket.example-corp.com:443/x?q=1#f', 'https://bitbucket.example-corp.com/x'],
    ['https://bitbucket.example-corp.com:8443/a/b//', 'https://bitbucket.example-corp.com:8443/a/b'],
    ['https://münchen.de/', 'https://xn--mnchen-3ya.de'],
    ['https://[2606:4700:4700:0:0:0:0:1111]/', 'https://[2606:4700:4700::1111]'],
  ])('%s -> %s', (input, normalized) => {
    const r = checkSyntax(input);
    expect(r.ok && r.normalized).toBe(normalized);
  });

  it.each([
    ['https://a_b.example-corp.com/', 'letter-digit-hyphen'],
    ['https://a..b.example-corp.com/', 'empty label'],
    ['https://bitbucket-.example-corp.com/', 'letter-digit-hyphen'],
    ['https://x.example-corp.com:0/', 'port 0'],
    ['https:///x.example-corp.com/', 'exactly "//"'],
    ['https:x.example-corp.com', 'exactly "//"'],
    ['https://x.example-corp.com/\u0085', 'U+0085'],
    [`https://${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com/`, 'longer than 253'],
  ])('%s is invalid (%s)', (input, why) => {
    const r = checkSyntax(input);
    expect(r).toMatchObject({ ok: false, verdict: 'invalid', reason: 'syntax' });
    expect(r.ok ? '' : r.detail).toContain(why);
  });

  it.each([
    ['http://x.example-corp.com/', 'scheme'],
    ['wss://x.example-corp.com/', 'scheme'],
    ['https://u@x.example-corp.com/', 'userinfo'],
    ['https://@x.example-corp.com/', 'userinfo'],
    ['https://:p@x.example-corp.com/', 'userinfo'],
  ])('%s is blocked (%s)', (input, reason) => {
    expect(checkSyntax(input)).toMatchObject({ ok: false, verdict: 'block', reason });
  });
});

describe('literal addresses', () => {
  it.each([
    ['8.8.8.8', 'unicast', 'public'],
    ['10.0.0.1', 'private', 'private'],
    ['fd00::1', 'uniqueLocal', 'private'],
    ['fd00:ec2::254', 'cloudMetadata', 'metadata'],
    ['168.63.129.16', 'azureWireServer', 'metadata'],
    ['::7f00:1', 'ipv4Compatible', 'reserved'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052', 'reserved'],
    ['2001:db8::1', 'reserved', 'reserved'],
    ['3fff::1', 'reserved', 'reserved'],
    ['4000::1', 'reserved', 'reserved'],
    ['fe80::1%eth0', 'unparseable', 'reserved'],
    ['0x7f.1', 'unparseable', 'reserved'],
  ])('%s is %s (%s)', (ip, range, cls) => {
    expect(classifyIp(ip)).toMatchObject({ range, cls });
  });
});

describe('names', () => {
  it.each([
    ['localhost', 'reserved'],
    ['ip6-localhost', 'reserved'],
    ['app.localhost', 'reserved'],
    ['metadata.google.internal', 'metadata'],
    ['foo.metadata.goog', 'metadata'],
    ['instance-data', 'metadata'],
    ['bitbucket', 'private'],
    ['git.corp', 'private'],
    ['nas.home.arpa', 'private'],
    ['svc.cluster', 'private'],
    ['bitbucket.example-corp.com', 'public'],
    ['localhost.example-corp.com', 'public'],
  ])('%s is %s', (name, cls) => {
    expect(classifyName(name).cls).toBe(cls);
  });
});

import { describe, expect, it } from 'vitest';
import { createSecretScrubber, REDACTED, secretForms } from '../../../../main/services/scrub/secret-scrubber';

// A server or proxy that echoes the credential may use any encoding. Every form below is one a
// real component produces: the raw header, base64 (Basic, or a proxy logging the header), base64url
// (JWT-style tooling), percent-encoding in either case (a redirect or an error URL), JSON escaping.

const TOKEN = 'BBDC-Mzk3+sim/echo=token-77aa';
const USER = 'dana@acme.example';
const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64');
const b64url = (t: string): string => Buffer.from(t, 'utf8').toString('base64url');
const scrub = createSecretScrubber({ secrets: [TOKEN], users: [USER] });

/** Each encoding of each value an echo could carry. */
const echoes: Array<[string, string]> = [
  ['raw', TOKEN],
  ['Bearer header', `Bearer ${TOKEN}`],
  ['base64 of the token', b64(TOKEN)],
  ['base64 of the token, unpadded', b64(TOKEN).replace(/=+$/, '')],
  ['base64url of the token', b64url(TOKEN)],
  ['base64 of "Bearer <token>"', b64(`Bearer ${TOKEN}`)],
  ['base64url of "Bearer <token>"', b64url(`Bearer ${TOKEN}`)],
  ['Basic header', `Basic ${b64(`${USER}:${TOKEN}`)}`],
  ['base64 of the whole Basic header', b64(`Basic ${b64(`${USER}:${TOKEN}`)}`)],
  ['user:secret', `${USER}:${TOKEN}`],
  ['URL-encoded token', encodeURIComponent(TOKEN)],
  ['URL-encoded token, lower-case escapes', encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
  ['URL-encoded Bearer header (%20)', encodeURIComponent(`Bearer ${TOKEN}`)],
  ['form-encoded Bearer header (+)', `Bearer+${encodeURIComponent(TOKEN)}`],
  ['URL-encoded base64 of the header', encodeURIComponent(b64(`Bearer ${TOKEN}`))],
  ['JSON-escaped', JSON.stringify(TOKEN).slice(1, -1)],
  ['base64 of a JSON body quoting the token', b64(`{"echo":{"authorization":"Bearer ${TOKEN}"}}`)],
  ['base64 of the token after 1 byte', b64(`x${TOKEN}`)],
  ['base64 of the token after 2 bytes', b64(`xy${TOKEN}y`)],
];

describe('the secret scrubber', () => {
  it.each(echoes)('removes the %s form, and nothing of the secret is left to decode', (_name, form) => {
    const text = `server says: <${form}> ok`;
    const out = scrub.text(text);
    expect(out).toContain(REDACTED);
    expect(out.startsWith('server says: <')).toBe(true);
    expect(out.endsWith('> ok')).toBe(true);
    expect(scrub.contains(text)).toBe(true);
    expect(scrub.contains(out)).toBe(false);
    // Whatever is left, decoded every way, no longer holds the token.
    const left = out.replace(/^server says: <|> ok$/g, '');
    for (const decoded of [left, Buffer.from(left, 'base64').toString('latin1'), Buffer.from(left, 'base64url').toString('latin1'), safeDecode(left)]) {
      expect(decoded).not.toContain(TOKEN);
    }
  });

  it('leaves ordinary text alone and scrubs nothing when no secret is known', () => {
    expect(scrub.text('Bitbucket 9.4.1 (build 9004001), user dana')).toBe('Bitbucket 9.4.1 (build 9004001), user dana');
    expect(createSecretScrubber({ secrets: [] }).text(`x ${TOKEN}`)).toBe(`x ${TOKEN}`);
    expect(createSecretScrubber({ secrets: ['abc'] }).text('abc')).toBe('abc');
  });

  it('scrubs every string and key of a record, deep, keeping its shape', () => {
    const record = { auth: { status: 'ok', identity: { username: b64(`Bearer ${TOKEN}`) } }, n: 3, list: [TOKEN, null, true], [TOKEN]: 'key' };
    const out = scrub.deep(record);
    expect(out).toEqual({ auth: { status: 'ok', identity: { username: REDACTED } }, n: 3, list: [REDACTED, null, true], [REDACTED]: 'key' });
    expect(JSON.stringify(out)).not.toContain(TOKEN);
  });

  it('lists the longest forms first, so a Basic value is removed whole', () => {
    const forms = secretForms({ secrets: [TOKEN], users: [USER] });
    expect(forms[0]?.length).toBeGreaterThanOrEqual(forms.at(-1)?.length ?? 0);
    expect(scrub.text(`Basic ${b64(`${USER}:${TOKEN}`)}`)).toBe(REDACTED);
  });
});

function safeDecode(t: string): string {
  try {
    return decodeURIComponent(t.replace(/\+/g, ' '));
  } catch {
    return t;
  }
}

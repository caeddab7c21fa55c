import { describe, expect, it } from 'vitest';
import { cloudJira, dcTunnel, makeExporter } from './bundle-support';
import { independentVerify } from './independent-verify';

describe('an independent verifier', () => {
  it.each([
    ['Cloud → Jira', cloudJira],
    ['Data Center behind an approved tunnel', dcTunnel],
  ])('accepts our %s bundle', async (_name, make) => {
    const ex = makeExporter();
    const out = await ex.exportOk(make());
    const r = independentVerify(out.text);
    expect(r?.fingerprint).toBe(out.fingerprint);
    expect(r?.payload.format_version).toBe(1);
    expect(r?.payload.bundle_id).toBe(out.bundle_id);
  });

  it('rejects our bundle with one payload character changed', async () => {
    const ex = makeExporter();
    const out = await ex.exportOk(dcTunnel());
    const env = JSON.parse(out.text);
    const body = Buffer.from(env.payload, 'base64').toString('utf8').replace('approved_tunnel', 'allowlisted');
    const tampered = JSON.stringify({ ...env, payload: Buffer.from(body).toString('base64') });
    expect(independentVerify(tampered)).toBeNull();
  });
});

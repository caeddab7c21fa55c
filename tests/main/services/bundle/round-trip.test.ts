import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE_SUFFIX, BUNDLE_PAYLOAD_TYPE, BundlePayload } from '../../../../shared/domain/bundle';
import { evaluateReadiness } from '../../../../shared/domain/readiness';
import { verifyBundle } from '../../../../main/services/bundle/verify-bundle';
import { exportBundle } from '../../../../main/services/bundle/export-bundle';
import { AT, authOk, cloudTarget, trackerRetired } from '../../../support/domain-builders';
import { APP, NOW, cloudJira, dcTunnel, makeExporter, payloadOf } from './bundle-support';

describe('export then verify', () => {
  it.each([
    ['a Cloud target routed to Jira', cloudJira],
    ['a Data Center target behind an approved tunnel', dcTunnel],
  ])('%s round-trips to a valid bundle with every field intact', async (_name, make) => {
    const ex = makeExporter();
    const input = make();
    const out = await ex.exportOk(input);
    const v = verifyBundle(out.text, { clock: ex.clock, pinnedFingerprint: out.fingerprint });
    expect(v.verdict).toBe('valid');
    expect(v.valid).toBe(true);
    expect(v.signer_confirmed_by).toBe('pin');
    expect(v.fingerprint).toBe(out.fingerprint);
    expect(v.payload?.target).toEqual(input.target);
    expect(v.payload?.checks).toEqual(input.checks);
    expect(v.payload?.readiness).toEqual(evaluateReadiness(input.target, input.checks));
    expect(v.payload?.readiness.verdict).toBe('ready');
    expect(v.payload?.app).toEqual(APP);
    expect(v.payload?.issued_at).toBe(NOW);
    expect(v.payload?.expires_at).toBe('2026-12-29T09:00:00.000Z');
    expect(v.summary).toMatchObject({ target_id: input.target.id, fingerprint: out.fingerprint, readiness_verdict: 'ready' });
    // The bytes as read from disk verify the same way; without a pin the signer stays unconfirmed.
    expect(verifyBundle(Buffer.from(out.text, 'utf8'), { clock: ex.clock, pinnedFingerprint: out.fingerprint }).verdict).toBe('valid');
    expect(verifyBundle(out.text, { clock: ex.clock })).toMatchObject({ verdict: 'valid_unpinned', valid: false, signer_confirmed_by: null });
  });

  it('writes pretty JSON of the DSSE envelope, named .wrobundle.json', async () => {
    const ex = makeExporter();
    const out = await ex.exportOk(dcTunnel());
    expect(out.file_name).toBe(`dc-1-20261129${BUNDLE_FILE_SUFFIX}`);
    expect(out.summary_file_name).toBe('dc-1-20261129.summary.txt');
    const env = JSON.parse(out.text) as Record<string, unknown>;
    expect(Object.keys(env)).toEqual(['payloadType', 'payload', 'signatures']);
    expect(env.payloadType).toBe(BUNDLE_PAYLOAD_TYPE);
    expect(out.text).toContain('\n  "payloadType"');
    expect(out.text.endsWith('}\n')).toBe(true);
    expect(BundlePayload.safeParse(payloadOf(out.text)).success).toBe(true);
  });

  it('reports the Data Center allowlist status and confirmations; Cloud has none', async () => {
    const ex = makeExporter();
    const dc = verifyBundle((await ex.exportOk(dcTunnel())).text, { clock: ex.clock });
    expect(dc.summary?.allowlist_status).toBe('approved_tunnel');
    const conf = dc.payload?.target.provider_key === 'bitbucket_data_center_issues' ? dc.payload.target.confirmations : undefined;
    expect(conf?.ownership).toEqual({ confirmed_by: 'Dana Admin', confirmed_at: AT });
    const cloud = verifyBundle((await ex.exportOk(cloudJira())).text, { clock: ex.clock });
    expect(cloud.summary?.allowlist_status).toBeNull();
    expect(cloud.summary?.issue_workflow).toBe('jira');
  });

  it('gives each bundle a fresh random id and honours --expires-in', async () => {
    const ex = makeExporter();
    const a = await ex.exportOk(cloudJira(), 7);
    const b = await ex.exportOk(cloudJira());
    expect(a.bundle_id).not.toBe(b.bundle_id);
    expect(a.expires_at).toBe('2026-12-06T09:00:00.000Z');
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('prints a detached plain-text summary with the verdict, key, target and evidence', async () => {
    const ex = makeExporter();
    const out = await ex.exportOk(dcTunnel());
    const s = out.summary_text;
    for (const needle of [out.fingerprint, 'Data Center target (dc-1)', 'approved_tunnel', 'Readiness: ready', 'not signed', 'SPKI pin', 'Bitbucket 9.4.1', 'ownership: Dana Admin']) {
      expect(s).toContain(needle);
    }
    expect(s).not.toMatch(/[{}"]/);
  });
});

describe('export refuses a target that is not ready', () => {
  const rows = [
    { name: 'rejected credential', target: cloudJira().target, checks: { ...cloudJira().checks, auth: { status: 'rejected' as const, checked_at: AT } }, code: 'PROVIDER_AUTH_REQUIRED' },
    { name: 'native route with retired issues', target: cloudTarget({ issue_workflow: 'native' }), checks: { auth: authOk, issue_tracking: trackerRetired }, code: 'ISSUE_TRACKING_DISABLED' },
    { name: 'Data Center without allowlist status', target: { ...dcTunnel().target, allowlist_status: undefined }, checks: dcTunnel().checks, code: 'ALLOWLIST_STATUS_MISSING' },
  ];
  it.each(rows)('$name → BUNDLE_EXPORT_BLOCKED naming $code', async ({ target, checks, code }) => {
    const ex = makeExporter();
    const r = await exportBundle({ keys: ex.keys, clock: ex.clock, app: APP }, { target, checks });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BUNDLE_EXPORT_BLOCKED');
    expect(r.error.message).toContain(code);
    expect(r.error.details?.blocking).toContain(code);
    // Nothing was signed, so no key was made either.
    expect(ex.secrets.data.size).toBe(0);
  });

  it('names the pending steps when nothing blocks but the target is incomplete', async () => {
    const ex = makeExporter();
    const r = await exportBundle({ keys: ex.keys, clock: ex.clock, app: APP }, { target: cloudJira().target, checks: { auth: authOk } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not finished: .*issue availability/);
  });

  it.each([0, -1, 1.5, 366])('refuses an expiry of %s days', async (days) => {
    const ex = makeExporter();
    const r = await exportBundle({ keys: ex.keys, clock: ex.clock, app: APP }, { ...cloudJira(), expiresInDays: days });
    expect(r.ok ? 'ok' : r.error.code).toBe('REQUEST_INVALID');
  });
});

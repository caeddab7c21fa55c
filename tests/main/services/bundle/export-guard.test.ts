import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../../../main/services/bundle/export-bundle';
import { APP, dcTunnel, makeExporter, TEST_SECRETS } from './bundle-support';

// The last fence before bytes leave the app: evidence that somehow still holds a stored secret
// (an older settings file, a path that skipped the check-run scrubber) is refused, in every form an
// echoing server could have put it in, not only raw.

const SECRET = `${TEST_SECRETS.dc}+x/y=`;
const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64');

const forms: Array<[string, string]> = [
  ['raw', SECRET],
  ['base64 of "Bearer <token>"', b64(`Bearer ${SECRET}`)],
  ['base64url of the token', Buffer.from(SECRET, 'utf8').toString('base64url')],
  ['URL-encoded', encodeURIComponent(SECRET)],
  ['base64 of Basic user:secret', b64(`dana:${SECRET}`)],
];

describe('the export guard', () => {
  it.each(forms)('refuses evidence holding the secret %s', async (_name, form) => {
    const ex = makeExporter();
    const { target, checks } = dcTunnel();
    const tainted = { ...checks, auth: { status: 'ok' as const, identity: { username: form }, checked_at: checks.auth?.checked_at ?? '2026-11-29T08:00:00.000Z' } };
    const r = await exportBundle({ keys: ex.keys, clock: ex.clock, app: APP }, { target: { ...target, username: 'dana' }, checks: tainted, forbidden: [SECRET] });
    expect(r.ok ? 'exported' : r.error.code).toBe('BUNDLE_EXPORT_BLOCKED');
    if (!r.ok) expect(r.error.message).toContain('would contain a stored secret');
  });

  it('exports the same evidence when it holds no secret', async () => {
    const ex = makeExporter();
    const r = await exportBundle({ keys: ex.keys, clock: ex.clock, app: APP }, { ...dcTunnel(), forbidden: [SECRET] });
    expect(r.ok).toBe(true);
  });
});

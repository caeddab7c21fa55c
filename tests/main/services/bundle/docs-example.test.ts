import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../main/services/clock/clock';
import { verifyBundle } from '../../../../main/services/bundle/verify-bundle';
import { independentVerify } from './independent-verify';

// docs/bundle-format.md carries a real exported bundle. It must stay one: our verifier accepts it
// at its issue time, and the documented recipe (node:crypto only) does too.

const doc = readFileSync(new URL('../../../../docs/bundle-format.md', import.meta.url), 'utf8');
const block = /<!-- example:begin -->\n```json\n([\s\S]*?)\n```\n<!-- example:end -->/.exec(doc)?.[1] ?? '';

describe('the worked example in docs/bundle-format.md', () => {
  it('is a valid bundle whose fingerprint the page states', () => {
    expect(block.length).toBeGreaterThan(1000);
    const env = JSON.parse(block) as { payload: string };
    const issued = (JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { issued_at: string }).issued_at;
    const v = verifyBundle(`${block}\n`, { clock: fixedClock(issued) });
    // Unpinned, a good signature confirms nobody; pinned to the page's fingerprint it is valid.
    expect(v.verdict).toBe('valid_unpinned');
    expect(doc).toContain(`Its fingerprint is \`${v.fingerprint}\``);
    expect(verifyBundle(`${block}\n`, { clock: fixedClock(issued), pinnedFingerprint: v.fingerprint }).verdict).toBe('valid');
    expect(v.summary?.allowlist_status).toBe('approved_tunnel');
    expect(verifyBundle(`${block}\n`, { clock: fixedClock('2030-01-01T00:00:00.000Z') }).verdict).toBe('BUNDLE_EXPIRED');
  });

  it('verifies with the documented node:crypto lines', () => {
    const verified = independentVerify(block);
    expect(verified).not.toBeNull();
    expect(doc).toContain(`Its fingerprint is \`${verified?.fingerprint ?? ''}\``);
    // The page shows the same lines.
    expect(doc).toContain("const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);");
  });
});

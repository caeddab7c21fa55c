import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Readable } from 'node:stream';
import { fakeIO } from '../../cli/fake-io';

// Every published case, through the same code path as `url-check --offline --json`. A case may name
// the expected `reason`; `note` says why an expectation changed from the published one (issue 12:
// leading-zero IPv4 parts and hosts the parser drops or maps code points of are ambiguous `syntax`).

const Case = z.strictObject({
  input: z.string(),
  expect: z.enum(['allow', 'block', 'invalid']),
  reason: z.string().optional(),
  why: z.string(),
  source: z.string(),
  note: z.string().optional(),
});
const cases = z
  .array(Case)
  .parse(JSON.parse(readFileSync(fileURLToPath(new URL('../../../fixtures/url-safety-cases.json', import.meta.url)), 'utf8')));

describe('url-safety cases (url-check --offline)', () => {
  it('has the 138 published cases', () => {
    expect(cases).toHaveLength(138);
  });

  it.each(cases.map((c) => [c.why, c] as const))('%s', async (_why, c) => {
    const f = fakeIO({ stdin: Readable.from([JSON.stringify([c.input])]) });
    const { code, out } = await f.run(['url-check', '--offline', '--json', '--stdin-json']).finally(f.cleanup);
    expect(out).toHaveLength(1);
    const line = z
      .object({ input: z.string(), verdict: z.string(), code: z.string().nullable(), reason: z.string().nullable() })
      .parse(JSON.parse(out[0] ?? ''));
    expect(line.input).toBe(c.input);
    expect(line.verdict).toBe(c.expect);
    expect(code).toBe(c.expect === 'allow' ? 0 : 3);
    expect(line.code).toBe(c.expect === 'allow' ? null : 'PROVIDER_BASE_URL_BLOCKED');
    if (c.reason !== undefined) expect(line.reason).toBe(c.reason);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, PAGE_SECURITY_HEADERS } from '../../../../main/services/static-files/page-policy';

const directivesOf = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
const directives = directivesOf(CONTENT_SECURITY_POLICY);

describe('the Content-Security-Policy of the app pages', () => {
  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
    ['connect-src', ["'self'"]],
  ] as const)('%s is %j', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it('allows no inline script, no eval and no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:|ws:|blob:/);
  });

  it('allows data: only for images (the favicon)', () => {
    for (const [name, values] of directives) {
      if (name !== 'img-src') expect(values).not.toContain('data:');
    }
    expect(directives.get('img-src')).toContain('data:');
  });

  it('travels with nosniff, no referrer and no framing on every response', () => {
    expect(PAGE_SECURITY_HEADERS).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    });
    expect(Object.keys(PAGE_SECURITY_HEADERS).filter((h) => h.toLowerCase().startsWith('access-control-'))).toEqual([]);
  });
});

describe("the entry page's meta tag", () => {
  const html = readFileSync(new URL('../../../../renderer/index.html', import.meta.url), 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1]);

  it('is the one policy, less the directives a meta tag may not carry', () => {
    expect(metas).toEqual([META_CONTENT_SECURITY_POLICY]);
    const meta = directivesOf(META_CONTENT_SECURITY_POLICY);
    for (const [name, values] of directives) {
      if (name === 'frame-ancestors') expect(meta.has(name)).toBe(false);
      else expect(meta.get(name)).toEqual(values);
    }
  });
});

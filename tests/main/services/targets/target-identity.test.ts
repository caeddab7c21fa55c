import { describe, expect, it } from 'vitest';
import { defaultTargetName, isGeneratedName, newTargetId, slugify, uniqueDefaultName } from '../../../../main/services/targets/target-identity';
import { cloudTarget, dataCenterTarget } from '../../../support/domain-builders';

describe('target identity', () => {
  const slugs: Array<[string, string]> = [
    ['acme/payments', 'acme-payments'],
    ['  ACME / Payments API  ', 'acme-payments-api'],
    ['Zürich Café', 'zurich-cafe'],
    ['---', ''],
    ['☃', ''],
    ['x'.repeat(100), 'x'.repeat(48)],
    [`${'a'.repeat(47)} b`, 'a'.repeat(47)],
  ];
  it.each(slugs)('slugify(%j) = %j', (name, slug) => expect(slugify(name)).toBe(slug));

  it('numbers a taken slug and falls back to a random id', () => {
    expect(newTargetId('acme/payments', new Set(), () => 'R')).toBe('acme-payments');
    expect(newTargetId('acme/payments', new Set(['acme-payments', 'acme-payments-2']), () => 'R')).toBe('acme-payments-3');
    expect(newTargetId('☃', new Set(), () => 'ABC-123')).toBe('abc-123');
    expect(newTargetId(undefined, new Set(), () => 'r1')).toBe('r1');
  });

  it('generates names from the workspace and repository, unique case-insensitively', () => {
    expect(defaultTargetName(cloudTarget())).toBe('acme/payments');
    expect(defaultTargetName(cloudTarget({ workspace: undefined }))).toBe('Bitbucket Cloud target');
    expect(defaultTargetName(dataCenterTarget({ repository_slug: undefined }))).toBe('Data Center at bitbucket.corp.acme.com');
    expect(defaultTargetName(dataCenterTarget())).toBe('SEC/payments at bitbucket.corp.acme.com');
    expect(defaultTargetName(dataCenterTarget({ base_url: undefined, repository_slug: undefined }))).toBe('Data Center target');
    expect(defaultTargetName(dataCenterTarget({ base_url: 'not a url' }))).toBe('SEC/payments');
    expect(uniqueDefaultName('Data Center target', new Set(['data center target', 'data center target (2)']))).toBe('Data Center target (3)');
  });

  const generated: Array<[string, boolean]> = [
    ['acme/payments', true],
    ['acme/payments (4)', true],
    ['Payments prod', false],
    ['acme/payments (x)', false],
  ];
  it.each(generated)('isGeneratedName(%j) = %s', (name, expected) => expect(isGeneratedName(cloudTarget({ name }))).toBe(expected));

  // Names earlier versions froze ("Data Center target (2)" on a target that has a host by now)
  // count as generated, so the next save gives them the host; the one it would get now does too.
  const dcGenerated: Array<[string, boolean]> = [
    ['Data Center target (2)', true],
    ['Data Center target', true],
    ['SEC/payments at bitbucket.corp.acme.com', true],
    ['SEC/payments at bitbucket.corp.acme.com (3)', true],
    ['SEC/payments at elsewhere.example', false],
    ['Payments prod', false],
  ];
  it.each(dcGenerated)('isGeneratedName(Data Center %j) = %s', (name, expected) => expect(isGeneratedName(dataCenterTarget({ name }))).toBe(expected));
});

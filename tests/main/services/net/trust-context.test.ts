import { describe, expect, it } from 'vitest';
import { trustContextFor } from '../../../../main/services/net/trust-context';
import { urlSafetyPki } from '../../../support/url-safety/pki';

describe('trustContextFor', () => {
  it('builds one secure context per CA text and reuses it', async () => {
    const pki = await urlSafetyPki();
    const first = trustContextFor(pki.caCert);
    expect(trustContextFor(pki.caCert)).toBe(first);
    const other = (await pki.selfSigned(['other.example-corp.com'])).cert;
    expect(trustContextFor(other)).not.toBe(first);
  });

  it('keeps a bounded number of contexts, dropping the oldest', async () => {
    const pki = await urlSafetyPki();
    const first = trustContextFor(pki.caCert);
    const leaves = await Promise.all(Array.from({ length: 16 }, (_, i) => pki.selfSigned([`n${i}.example-corp.com`])));
    for (const l of leaves) trustContextFor(l.cert);
    expect(trustContextFor(pki.caCert)).not.toBe(first);
  });
});

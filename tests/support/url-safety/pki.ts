import { generate } from 'selfsigned';

// Throw-away certificates for the URL-safety tests, made in memory: a CA, leaves it signs for the
// names and addresses a test needs, an expired leaf, and a self-signed leaf no CA vouches for.

export interface Leaf {
  readonly key: string;
  readonly cert: string;
}

export interface UrlSafetyPki {
  readonly caCert: string;
  leaf(names: readonly string[], ips: readonly string[], expired?: boolean): Promise<Leaf>;
  selfSigned(names: readonly string[]): Promise<Leaf>;
  /** A leaf the CA signed for client authentication only (no serverAuth extended key usage). */
  clientAuthOnly(names: readonly string[]): Promise<Leaf>;
}

const HOUR = 3600_000;

let pending: Promise<UrlSafetyPki> | undefined;

const make = async (): Promise<UrlSafetyPki> => {
  const ca = await generate([{ name: 'commonName', value: 'URL-safety test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 48 * HOUR),
    notAfterDate: new Date(Date.now() + 24 * HOUR),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = async (names: readonly string[], ips: readonly string[], expired = false, selfSigned = false, clientOnly = false): Promise<Leaf> => {
    const g = await generate([{ name: 'commonName', value: names[0] ?? ips[0] ?? 'test' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - (expired ? 30 : 1) * HOUR),
      notAfterDate: new Date(Date.now() + (expired ? -2 : 12) * HOUR),
      ...(selfSigned ? {} : { ca: { key: ca.private, cert: ca.cert } }),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        clientOnly ? { name: 'extKeyUsage', clientAuth: true } : { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [...names.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))],
        },
      ],
    });
    return { key: g.private, cert: g.cert };
  };
  return { caCert: ca.cert, leaf: (n, i, e) => leaf(n, i, e ?? false), selfSigned: (n) => leaf(n, [], false, true), clientAuthOnly: (n) => leaf(n, [], false, false, true) };
};

export const urlSafetyPki = (): Promise<UrlSafetyPki> => {
  pending ??= make();
  return pending;
};

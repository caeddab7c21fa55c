import { z } from 'zod';
import { CaPemText } from '../domain/ca';
import { AllowlistStatus } from '../domain/vocabulary';
import { method } from './define';
import { UrlStageReport } from './url-safety';

// The network team's change request: what the probe saw, what failed where, and the concrete ask.
// Never a secret, a credential or a proxy's userinfo.

export const NetworkRequestDocument = z.object({
  title: z.string(),
  /** The concrete asks, one action each ("Allow TCP 10.20.30.40:8443 from 10.1.2.3 to …"). */
  asks: z.array(z.string()),
  /** Who connects to what: WebRiskOps → this host directly, or through the approved tunnel. */
  path: z.string(),
  verdict: z.enum(['reached', 'failed']),
  destination: z.object({
    url: z.string(),
    host: z.string(),
    port: z.number().int(),
    protocol: z.string(),
    tls_version: z.string().nullable(),
    /** The server name sent in the TLS handshake; null for an IP literal (no SNI is sent). */
    sni: z.string().nullable(),
  }),
  addresses: z.array(z.object({ ip: z.string(), family: z.union([z.literal(4), z.literal(6)]), class: z.string() })),
  certificate: z
    .object({
      subject: z.string(),
      issuer: z.string(),
      fingerprint_sha256: z.string(),
      not_before: z.string(),
      not_after: z.string(),
      /** False: the host presented it but this machine does not trust it (read without trusting it, no request sent). */
      trusted: z.boolean(),
    })
    .nullable(),
  source_address: z.string().nullable(),
  resolver: z.object({ servers: z.array(z.string()) }),
  proxy: z.object({ used: z.boolean(), proxy: z.string().nullable() }),
  allowlist_status: AllowlistStatus.nullable(),
  failure: z.object({ stage: z.string(), reason: z.string(), detail: z.string() }).nullable(),
  stages: z.array(UrlStageReport),
  api_root: z.object({ version: z.string(), display_name: z.string() }).nullable(),
  checked_at: z.iso.datetime({ offset: true }),
  app: z.object({ name: z.string(), version: z.string() }),
});
export type NetworkRequestDocument = z.infer<typeof NetworkRequestDocument>;

export const NetworkRequestResult = z.object({ document: NetworkRequestDocument, markdown: z.string() });
export type NetworkRequestResult = z.infer<typeof NetworkRequestResult>;

export const networkRequestMethods = {
  'network.request': method(
    z
      .strictObject({
        /** A Data Center base URL to probe now… */
        base_url: z.string().min(1).max(8192).optional(),
        /** …or a saved target (its URL, allowlist status and CA). */
        target: z.string().min(1).max(200).optional(),
        ca_pem: CaPemText.optional(),
        allowlist_status: AllowlistStatus.optional(),
        acknowledge_private: z.boolean().default(false),
        /** Through HTTPS_PROXY: let the proxy resolve the name when it refuses the checked address (unverified). */
        proxy_resolves_name: z.boolean().default(false),
        timeout_ms: z.number().int().min(100).max(120_000).optional(),
      })
      .refine((v) => (v.base_url === undefined) !== (v.target === undefined), { message: 'send exactly one of base_url and target' }),
    NetworkRequestResult,
    'Probe a Data Center host (without any credential) and write the change request a firewall or proxy team can act on, also when the check fails.',
  ),
};

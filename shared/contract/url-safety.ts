import { z } from 'zod';
import { CaPemText } from '../domain/ca';
import { AddressEvidence, ApiRootEvidence, BlockReason, NetworkCheck, RedirectHop, TlsEvidence, UrlSafetyCheck } from '../domain/checks';
import { TargetId } from '../domain/target';
import { AllowlistStatus, DeploymentMode } from '../domain/vocabulary';
import { method } from './define';
import { TargetRecord } from './targets';

// The URL-safety engine as the wizard and the CLI see it: one row per stage, with timings.

export const UrlStageName = z.enum(['syntax', 'dns', 'addresses', 'policy', 'connection', 'tls', 'redirects', 'api_root']);
export type UrlStageName = z.infer<typeof UrlStageName>;

export const UrlStageReport = z.object({
  stage: UrlStageName,
  status: z.enum(['passed', 'failed', 'skipped']),
  ms: z.number().nonnegative(),
  detail: z.string().optional(),
});
export type UrlStageReport = z.infer<typeof UrlStageReport>;

const verdictFields = {
  input: z.string(),
  verdict: z.enum(['allow', 'block', 'invalid']),
  code: z.literal('PROVIDER_BASE_URL_BLOCKED').nullable(),
  reason: BlockReason.nullable(),
  detail: z.string().nullable(),
  normalized: z.string().nullable(),
  addresses: z.array(AddressEvidence),
  stages: z.array(UrlStageReport),
};

/** Stages 1–4 (1–3 offline: an allowed name is allowed pending DNS). */
export const UrlCheckResult = z.object({ ...verdictFields, offline: z.boolean() });
export type UrlCheckResult = z.infer<typeof UrlCheckResult>;

/** Every stage, then the Data Center API root over the pinned connection. */
export const UrlProbeResult = z.object({
  ...verdictFields,
  tls: TlsEvidence.nullable(),
  redirects: z.array(RedirectHop),
  api_root: ApiRootEvidence.nullable(),
  via_proxy: z.boolean(),
  /** scheme://host:port of the proxy used (never its userinfo); null: direct. */
  proxy: z.string().nullable().default(null),
  /** The proxy resolved the name (admin's choice, after it refused the checked address): addresses unverified. */
  resolved_by_proxy: z.boolean().default(false),
  /** The source address this machine used (`socket.localAddress`) on a direct connection. */
  local_address: z.string().nullable().default(null),
  /** The negotiated TLS version, e.g. `TLSv1.3`. */
  tls_version: z.string().nullable().default(null),
  timings_ms: z.record(z.string(), z.number()),
});
export type UrlProbeResult = z.infer<typeof UrlProbeResult>;

const policyInput = {
  allowlist_status: AllowlistStatus.optional(),
  acknowledge_private: z.boolean().default(false),
  /** The admin's explicit choice: when HTTPS_PROXY refuses a tunnel to the checked address, let it resolve the name. */
  proxy_resolves_name: z.boolean().default(false),
  deployment: DeploymentMode.default('self-hosted'),
};

export const urlSafetyMethods = {
  'url.check': method(
    z.strictObject({ url: z.string().max(8192), offline: z.boolean().default(false), ...policyInput }),
    UrlCheckResult,
    'Check a base URL: syntax, literal IP, private names, policy and (unless offline) DNS.',
  ),
  'url.probe': method(
    z.strictObject({
      base_url: z.string().max(8192),
      /** The corporate CA as PEM text (the CLI reads `--ca FILE` itself and passes the text). */
      ca_pem: CaPemText.optional(),
      timeout_ms: z.number().int().min(100).max(120_000).optional(),
      ...policyInput,
    }),
    UrlProbeResult,
    'Probe a Data Center base URL: every URL-safety stage, then GET {base_url}/rest/api/1.0/application-properties.',
  ),
  'url.checkTarget': method(
    z.strictObject({ target_id: z.string().min(1).max(200) }),
    z.object({ target_id: TargetId, url_safety: UrlSafetyCheck, network: NetworkCheck.optional(), probe: UrlProbeResult.optional(), record: TargetRecord }),
    'Run the URL-safety checks and the probe for a saved Data Center target, store them in its checks, and answer the fresh record.',
  ),
};

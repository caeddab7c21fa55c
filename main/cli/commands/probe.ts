import { urlSafetyMethods, type UrlProbeResult } from '../../../shared/contract/url-safety';
import { caPemOf } from '../ca-flag';
import { CLI_NAME, EXIT_BLOCKED, EXIT_FAILURE, EXIT_OK, exitForError, UsageError, type CliCommand } from '../cli-io';
import { parseFlags, parseWholeNumber, POLICY_FLAGS, policyInput } from '../parse-flags';
import { withProgress } from '../progress-call';

export const PROBE_USAGE =
  'probe BASE_URL [--ca FILE] [--json] [--timeout-ms N] [--allowlist-status direct|allowlisted|approved_tunnel] [--acknowledge-private] [--proxy-resolves-name]';
export const PROBE_SUMMARY = 'Probe a Data Center base URL: every URL-safety stage, then the API root over the pinned connection.';

/** `--timeout-ms` takes what the contract's url.probe takes. */
const timeoutSchema = urlSafetyMethods['url.probe'].input.shape.timeout_ms.unwrap();
const TIMEOUT_MS = { min: timeoutSchema.minValue ?? 1, max: timeoutSchema.maxValue ?? Number.MAX_SAFE_INTEGER };

/** The CLI JSON object: the documented keys. */
export const probeJson = (r: UrlProbeResult) => ({
  verdict: r.verdict,
  code: r.code,
  reason: r.reason,
  normalized: r.normalized,
  addresses: r.addresses.map(({ ip, range }) => ({ ip, range })),
  tls: r.tls,
  redirects: r.redirects,
  api_root: r.api_root,
  timings_ms: r.timings_ms,
  via_proxy: r.via_proxy,
  resolved_by_proxy: r.resolved_by_proxy,
  detail: r.detail,
});

const table = (r: UrlProbeResult): string[] => [
  `${r.verdict}  ${r.normalized ?? r.input}${r.reason === null ? '' : `  ${r.reason}: ${r.detail ?? ''}`}`,
  ...r.stages.map((s) => `  ${s.stage.padEnd(11)} ${s.status.padEnd(8)} ${String(s.ms).padStart(8)} ms  ${s.detail ?? ''}`),
];

/** Exit 0 reached, 3 blocked, invalid or unreachable, 1 an error answer, 2 usage error. */
export const probeCommand: CliCommand = {
  summary: PROBE_SUMMARY,
  usage: `${CLI_NAME} ${PROBE_USAGE}`,
  run: async (args, io) => {
    const { values, positionals } = parseFlags(args, { ca: { type: 'string' }, json: { type: 'boolean' }, 'timeout-ms': { type: 'string' }, ...POLICY_FLAGS }, true);
    const policy = policyInput(values);
    if (positionals.length !== 1) throw new UsageError('probe needs exactly one BASE_URL');
    const timeout = values['timeout-ms'] === undefined ? undefined : parseWholeNumber('--timeout-ms', values['timeout-ms'], TIMEOUT_MS.min, TIMEOUT_MS.max);
    const ca = await caPemOf('--ca', values.ca);
    const client = io.client();
    const input = { base_url: positionals[0] ?? '', ...policy, ...ca, ...(timeout === undefined ? {} : { timeout_ms: timeout }) };
    const r = await withProgress(io, client, 'probe', (options) => client['url.probe'](input, options));
    if (!r.ok) {
      io.note(`probe: ${r.error.code}: ${r.error.message}`);
      return exitForError(r.error.code, EXIT_FAILURE);
    }
    if (values.json === true) io.print(JSON.stringify(probeJson(r.value)));
    else for (const line of table(r.value)) io.print(line);
    return r.value.verdict === 'allow' ? EXIT_OK : EXIT_BLOCKED;
  },
};

import { readFile } from 'node:fs/promises';
import { systemNetwork, type Network } from '../../services/net/network';
import { probeUrl } from '../../services/url-safety/network-check';
import type { ProbeResult } from '../../services/url-safety/probe';
import { CLI_NAME, type CliCommand } from '../cli-io';
import { EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, parseArgs, policyFromArgs, positiveInt, readStream, type CommandIo } from './url-safety-args';

export const PROBE_USAGE =
  'probe BASE_URL [--ca FILE] [--json] [--timeout-ms N] [--allowlist-status direct|allowlisted|approved_tunnel] [--acknowledge-private]';
export const PROBE_SUMMARY = 'Probe a Data Center base URL: every URL-safety stage, then the API root over the pinned connection.';

export interface ProbeDeps {
  /** The composition root's one network (resolver, proxy env, limits, judge, CA loader). */
  readonly network: Network;
}

/** The CLI JSON object: the documented keys. */
export const probeJson = (r: ProbeResult) => ({
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
  detail: r.detail,
});

const table = (r: ProbeResult): string[] => [
  `${r.verdict}  ${r.normalized ?? r.input}${r.reason === null ? '' : `  ${r.reason}: ${r.detail ?? ''}`}`,
  ...r.stages.map((s) => `  ${s.stage.padEnd(11)} ${s.status.padEnd(8)} ${String(s.ms).padStart(8)} ms  ${s.detail ?? ''}`),
];

export const runProbeCommand = async (argv: readonly string[], io: CommandIo, deps: ProbeDeps): Promise<number> => {
  const parsed = parseArgs(argv, ['--json', '--acknowledge-private'], ['--ca', '--timeout-ms', '--allowlist-status']);
  if (!parsed.ok) return usage(io, parsed.message);
  const { args } = parsed;
  const policy = policyFromArgs(args);
  if (!policy.ok) return usage(io, policy.message);
  if (args.positionals.length !== 1) return usage(io, 'exactly one BASE_URL');
  const timeout = positiveInt(args.values.get('--timeout-ms'));
  if (timeout === null) return usage(io, '--timeout-ms must be a positive integer');
  const caFile = args.values.get('--ca');
  let ca: string | undefined;
  if (caFile !== undefined) {
    try {
      ca = await readFile(caFile, 'utf8');
    } catch {
      return usage(io, `cannot read the CA file ${caFile}`);
    }
  }
  const probed = await probeUrl(deps.network, {
    base_url: args.positionals[0] ?? '',
    policy: policy.policy,
    ...(ca === undefined ? {} : { ca_pem: ca }),
    ...(timeout === undefined ? {} : { timeout_ms: timeout }),
  });
  if (!probed.ok) return usage(io, `${caFile ?? 'the CA'}: ${probed.error.message}`);
  const result = probed.value;
  if (args.flags.has('--json')) io.out(JSON.stringify(probeJson(result)));
  else for (const line of table(result)) io.out(line);
  return result.verdict === 'allow' ? EXIT_OK : EXIT_BLOCKED;
};

const usage = (io: CommandIo, message: string): number => {
  io.err(`probe: ${message}`);
  io.err(`usage: ${PROBE_USAGE}`);
  return EXIT_USAGE;
};

/** The registry entry: exit 0 reached, 3 blocked, invalid or unreachable, 2 usage error. */
export const probeCommand: CliCommand = {
  summary: PROBE_SUMMARY,
  usage: `${CLI_NAME} ${PROBE_USAGE}`,
  run: (args, io) => runProbeCommand(args, { stdin: () => readStream(io.stdin), out: io.print, err: io.note }, { network: systemNetwork(io.env) }),
};

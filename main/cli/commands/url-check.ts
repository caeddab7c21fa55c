import { systemNetwork, type Network } from '../../services/net/network';
import { checkUrlOn } from '../../services/url-safety/network-check';
import type { UrlVerdict } from '../../services/url-safety/verdict';
import { CLI_NAME, type CliCommand } from '../cli-io';
import { EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, parseArgs, policyFromArgs, readStream, StdinJson, type CommandIo } from './url-safety-args';

export const URL_CHECK_USAGE =
  'url-check [URL ...] [--stdin | --stdin-json] [--json] [--offline] [--allowlist-status direct|allowlisted|approved_tunnel] [--acknowledge-private]';
export const URL_CHECK_SUMMARY = 'Check base URLs against the URL-safety policy (syntax, literal IPs, private names, DNS).';

export interface UrlCheckDeps {
  /** The composition root's one network. */
  readonly network: Network;
}

/** The CLI JSON line: exactly the documented keys, in input order. */
export const urlCheckLine = (v: UrlVerdict) => ({
  input: v.input,
  verdict: v.verdict,
  code: v.code,
  reason: v.reason,
  normalized: v.normalized,
  addresses: v.addresses.map(({ ip, range }) => ({ ip, range })),
});

const tableRow = (v: UrlVerdict): string => {
  const addrs = v.addresses.map((a) => `${a.ip} (${a.range})`).join(', ');
  const why = v.verdict === 'allow' ? (v.offline ? 'allowed pending DNS' : 'allowed') : `${v.reason ?? ''}: ${v.detail ?? ''}`;
  return [v.verdict.padEnd(7), JSON.stringify(v.input), why, addrs].filter((s) => s !== '').join('  ');
};

const readInputs = async (io: CommandIo, json: boolean): Promise<string[] | null> => {
  const text = await io.stdin();
  if (!json) {
    return text
      .split('\n')
      .map((l) => l.replace(/\r$/u, ''))
      .filter((l) => l !== '');
  }
  try {
    const parsed = StdinJson.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const runUrlCheckCommand = async (argv: readonly string[], io: CommandIo, deps: UrlCheckDeps): Promise<number> => {
  const parsed = parseArgs(argv, ['--stdin', '--stdin-json', '--json', '--offline', '--acknowledge-private'], ['--allowlist-status']);
  if (!parsed.ok) return usage(io, parsed.message);
  const { args } = parsed;
  const policy = policyFromArgs(args);
  if (!policy.ok) return usage(io, policy.message);
  const fromStdin = args.flags.has('--stdin');
  const fromJson = args.flags.has('--stdin-json');
  if (fromStdin && fromJson) return usage(io, '--stdin and --stdin-json are exclusive');
  let inputs: string[] = [...args.positionals];
  if (fromStdin || fromJson) {
    const read = await readInputs(io, fromJson);
    if (read === null) return usage(io, '--stdin-json needs a JSON array of strings');
    inputs = [...inputs, ...read];
  }
  if (inputs.length === 0) return usage(io, 'no URL given');
  const offline = args.flags.has('--offline');
  let worst = EXIT_OK;
  for (const input of inputs) {
    const v = await checkUrlOn(deps.network, input, policy.policy, offline);
    if (v.verdict !== 'allow') worst = EXIT_BLOCKED;
    io.out(args.flags.has('--json') ? JSON.stringify(urlCheckLine(v)) : tableRow(v));
  }
  return worst;
};

const usage = (io: CommandIo, message: string): number => {
  io.err(`url-check: ${message}`);
  io.err(`usage: ${URL_CHECK_USAGE}`);
  return EXIT_USAGE;
};

/** The registry entry: exit 0 all allowed, 3 any blocked or invalid, 2 usage error. */
export const urlCheckCommand: CliCommand = {
  summary: URL_CHECK_SUMMARY,
  usage: `${CLI_NAME} ${URL_CHECK_USAGE}`,
  run: (args, io) => runUrlCheckCommand(args, { stdin: () => readStream(io.stdin), out: io.print, err: io.note }, { network: systemNetwork(io.env) }),
};

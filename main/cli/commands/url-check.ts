import { z } from 'zod';
import type { UrlCheckResult } from '../../../shared/contract/url-safety';
import { CLI_NAME, EXIT_BLOCKED, EXIT_FAILURE, EXIT_OK, readAll, UsageError, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags, POLICY_FLAGS, policyInput } from '../parse-flags';
import { withProgress } from '../progress-call';

export const URL_CHECK_USAGE =
  'url-check [URL ...] [--stdin | --stdin-json] [--json] [--offline] [--allowlist-status direct|allowlisted|approved_tunnel] [--acknowledge-private] [--proxy-resolves-name]';
export const URL_CHECK_SUMMARY = 'Check base URLs against the URL-safety policy (syntax, literal IPs, private names, DNS).';

const StdinJson = z.array(z.string());

/** The CLI JSON line: exactly the documented keys, in input order. */
export const urlCheckLine = (v: UrlCheckResult) => ({
  input: v.input,
  verdict: v.verdict,
  code: v.code,
  reason: v.reason,
  normalized: v.normalized,
  addresses: v.addresses.map(({ ip, range }) => ({ ip, range })),
});

const tableRow = (v: UrlCheckResult): string => {
  const addrs = v.addresses.map((a) => `${a.ip} (${a.range})`).join(', ');
  const why = v.verdict === 'allow' ? (v.offline ? 'allowed pending DNS' : 'allowed') : `${v.reason ?? ''}: ${v.detail ?? ''}`;
  return [v.verdict.padEnd(7), JSON.stringify(v.input), why, addrs].filter((s) => s !== '').join('  ');
};

const readInputs = async (io: CliIO, json: boolean): Promise<string[]> => {
  const text = await readAll(io.stdin);
  if (!json) {
    return text
      .split('\n')
      .map((l) => l.replace(/\r$/u, ''))
      .filter((l) => l !== '');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = StdinJson.safeParse(raw);
  if (!parsed.success) throw new UsageError('--stdin-json needs a JSON array of strings');
  return parsed.data;
};

/** Exit 0 all allowed, 3 any blocked or invalid, 1 an input the contract refused, 2 usage error. */
export const urlCheckCommand: CliCommand = {
  summary: URL_CHECK_SUMMARY,
  usage: `${CLI_NAME} ${URL_CHECK_USAGE}`,
  run: async (args, io) => {
    const { values, positionals } = parseFlags(
      args,
      { stdin: { type: 'boolean' }, 'stdin-json': { type: 'boolean' }, json: { type: 'boolean' }, offline: { type: 'boolean' }, ...POLICY_FLAGS },
      true,
    );
    const policy = policyInput(values);
    if (values.stdin === true && values['stdin-json'] === true) throw new UsageError('--stdin and --stdin-json are exclusive');
    const inputs = [...positionals];
    if (values.stdin === true || values['stdin-json'] === true) inputs.push(...(await readInputs(io, values['stdin-json'] === true)));
    if (inputs.length === 0) throw new UsageError('no URL given');
    const client = io.client();
    let worst = EXIT_OK;
    for (const url of inputs) {
      // Ctrl-C: the running check was cancelled; the rest are not started.
      if (io.signal.aborted) break;
      const r = await withProgress(io, client, 'url-check', (options) => client['url.check']({ url, offline: values.offline === true, ...policy }, options));
      if (!r.ok) {
        io.note(`url-check: ${JSON.stringify(url.slice(0, 80))}: ${r.error.code}: ${r.error.message}`);
        worst = EXIT_FAILURE;
        continue;
      }
      if (r.value.verdict !== 'allow' && worst === EXIT_OK) worst = EXIT_BLOCKED;
      io.print(values.json === true ? JSON.stringify(urlCheckLine(r.value)) : tableRow(r.value));
    }
    return worst;
  },
};

import { AllowlistStatus } from '../../../shared/domain/vocabulary';
import { CLI_NAME, EXIT_FAILURE, EXIT_OK, exitForError, UsageError, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';
import { writeAtomically } from './bundle';
import { printable } from '../printable';
import { caPemOf } from '../ca-flag';

// `network-request`: the change request for the firewall or proxy team, written whatever the
// probe's verdict (a failing check is exactly when it is needed).

export const NETWORK_REQUEST_USAGE =
  'network-request (BASE_URL | --target NAME) [--ca FILE] [--allowlist-status direct|allowlisted|approved_tunnel] [--acknowledge-private] [--proxy-resolves-name] [--format md|json] [--out FILE] [--timeout-ms N]';

const run = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseFlags(
    args,
    {
      target: { type: 'string' },
      ca: { type: 'string' },
      'allowlist-status': { type: 'string' },
      'acknowledge-private': { type: 'boolean' },
      'proxy-resolves-name': { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      'timeout-ms': { type: 'string' },
    },
    true,
  );
  if ((positionals.length === 1) === (values.target !== undefined) || positionals.length > 1) throw new UsageError('give exactly one BASE_URL, or --target NAME');
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError('--format must be md or json');
  const status = values['allowlist-status'];
  const allowlist = status === undefined ? undefined : AllowlistStatus.safeParse(status);
  if (allowlist !== undefined && !allowlist.success) throw new UsageError('--allowlist-status must be direct, allowlisted or approved_tunnel');
  const timeout = values['timeout-ms'];
  if (timeout !== undefined && (!/^[1-9]\d{2,5}$/.test(timeout) || Number(timeout) > 120_000)) throw new UsageError('--timeout-ms must be a whole number from 100 to 120000');
  const r = await io.client()['network.request']({
    acknowledge_private: values['acknowledge-private'] === true,
    proxy_resolves_name: values['proxy-resolves-name'] === true,
    ...(values.target === undefined ? { base_url: positionals[0] ?? '' } : { target: values.target }),
    ...(await caPemOf('--ca', values.ca)),
    ...(allowlist?.data === undefined ? {} : { allowlist_status: allowlist.data }),
    ...(timeout === undefined ? {} : { timeout_ms: Number(timeout) }),
  });
  if (!r.ok) {
    io.note(printable(`${r.error.code}: ${r.error.message}`));
    return exitForError(r.error.code, EXIT_FAILURE);
  }
  const text = format === 'json' ? `${JSON.stringify(r.value.document, null, 2)}\n` : r.value.markdown;
  if (values.out === undefined) {
    for (const line of text.replace(/\n$/, '').split('\n')) io.print(printable(line));
  } else {
    try {
      await writeAtomically(values.out, text);
    } catch (cause) {
      io.note(`Could not write ${values.out}: ${cause instanceof Error ? cause.message : String(cause)}`);
      return EXIT_FAILURE;
    }
    io.note(`Wrote ${values.out} (${r.value.document.verdict === 'reached' ? 'the probe reached the host' : `the probe failed at ${r.value.document.failure?.stage ?? '?'}`})`);
  }
  return EXIT_OK;
};

export const networkRequestCommand: CliCommand = {
  summary: 'Write the change request a firewall or proxy team can act on: addresses, port, TLS, certificate, source, resolver, proxy and the ask (exit 0 written, whatever the verdict).',
  usage: `${CLI_NAME} ${NETWORK_REQUEST_USAGE}`,
  run,
};

import type { HealthReport } from '../../../shared/contract/health';
import { PRIVATE_KEYRING_NOTE } from '../../../shared/contract/health';
import { describeError } from '../../../shared/errors/catalog';
import { EXIT_FAILURE, EXIT_OK, EXIT_UNHEALTHY, EXIT_USAGE, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';
import { PRIVATE_KEYRING_FLAG, privateKeyringIfAsked } from '../private-keyring-flag';

// `doctor`: the health report of the status screen, on the terminal. Exit 0 when the keychain
// works, 4 when it does not (the report names the way out), 2 when the proxy settings cannot be
// used (PROXY_CONFIG_INVALID, as every other command answers them), 1 when the report itself failed.

const SIGNING_KEY: Record<HealthReport['signing_key'], string> = {
  present: 'present',
  absent: 'none yet (made on the first export)',
  unknown: 'unknown (the keychain cannot be asked)',
};

export const healthLines = (r: HealthReport): string[] => {
  const store = r.keychain.store === 'private_session' ? 'a private keyring of this run' : 'the OS keychain';
  const lines = [
    `keychain:     ${r.keychain.status === 'available' ? `available, unlocked (${store})` : `unavailable: ${r.keychain.reason ?? 'no reason given'}`}`,
  ];
  if (r.keychain.status === 'unavailable') lines.push(`  way out:    ${describeError('KEYCHAIN_UNAVAILABLE').fix}`);
  if (r.keychain.store === 'private_session') lines.push(`  note:       ${PRIVATE_KEYRING_NOTE}`);
  lines.push(
    `signing key:  ${SIGNING_KEY[r.signing_key]}`,
    `mode:         ${r.mode} (${r.platform})`,
    `proxy:        ${r.proxy.https === null ? 'none: direct connections (HTTPS_PROXY is not set)' : `${r.proxy.https.variable} = ${r.proxy.https.origin}`}`,
    `bypass:       ${r.proxy.no_proxy === null ? 'none (NO_PROXY is not set)' : `${r.proxy.no_proxy.variable} = ${r.proxy.no_proxy.entries.join(', ') || '(empty)'}`}`,
  );
  if (r.proxy.problem !== undefined) lines.push(`  problem:    ${r.proxy.problem.code}: ${r.proxy.problem.message}`, `  way out:    ${describeError(r.proxy.problem.code).fix}`);
  if (r.proxy.ignored.length > 0) lines.push(`ignored:      ${r.proxy.ignored.join(', ')} (this app makes HTTPS calls only: it reads HTTPS_PROXY)`);
  lines.push(`node:         ${r.runtime.node}`, `electron:     ${r.runtime.electron ?? '(not running in Electron)'}`);
  return lines;
};

const report = async (io: CliIO, json: boolean): Promise<number> => {
  const r = await io.client()['health.report']({});
  if (!r.ok) {
    io.note(`${r.error.code}: ${r.error.message}`);
    return EXIT_FAILURE;
  }
  if (json) io.print(JSON.stringify(r.value));
  else for (const line of healthLines(r.value)) io.print(line);
  if (r.value.keychain.status === 'unavailable') return EXIT_UNHEALTHY;
  return r.value.proxy.problem === undefined ? EXIT_OK : EXIT_USAGE;
};

export const doctorCommand: CliCommand = {
  summary: 'Check this machine: keychain reachable and unlocked, signing key, mode, proxy variables, Node/Electron versions (exit 4: no keychain; 2: proxy settings not usable).',
  usage: 'doctor [--json] [--private-keyring]',
  run: async (args, io) => {
    const { values } = parseFlags(args, { json: { type: 'boolean' }, ...PRIVATE_KEYRING_FLAG });
    const started = await privateKeyringIfAsked(values['private-keyring'], io);
    if (started === null) return EXIT_FAILURE;
    try {
      return await report(io, values.json === true);
    } finally {
      await started.keyring?.close();
    }
  },
};

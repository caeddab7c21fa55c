import type { RecheckResult } from '../../../shared/contract/recheck';
import { CLI_NAME, EXIT_BLOCKED, EXIT_FAILURE, EXIT_NOT_VALID, EXIT_OK, exitForError, UsageError, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';
import { printable } from '../printable';
import { caPemOf } from '../ca-flag';
import { readOrRefuse, signerOf } from './bundle-input';

// `recheck BUNDLE`: has the host drifted since the bundle was signed? No credential is used.

export const RECHECK_USAGE = 'recheck BUNDLE.json [--ca FILE] [--fingerprint FINGERPRINT | --trust FILE] [--json]';

export const recheckLines = (r: RecheckResult): string[] => [
  `bundle:  ${r.bundle.verdict} ${r.bundle.fingerprint ?? ''} (issued ${r.bundle.issued_at})`,
  `target:  ${r.target_name} ${r.base_url}`,
  `probe:   ${r.probe.verdict}${r.probe.reason === null ? '' : ` (${r.probe.reason}: ${r.probe.detail ?? ''})`}`,
  r.drift.length === 0 ? 'drift:   none' : `drift:   ${r.drift.length} (${r.drift.map((d) => d.kind).join(', ')})`,
  ...r.drift.flatMap((d) => [`  ${d.kind}: ${d.before ?? '(none)'} -> ${d.after ?? '(none)'}`, `    -> ${d.detail}`]),
];

const run = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseFlags(args, { ca: { type: 'string' }, fingerprint: { type: 'string' }, trust: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (positionals.length !== 1) throw new UsageError('recheck needs exactly one BUNDLE file');
  const signer = await signerOf(values);
  const bytes = await readOrRefuse(positionals[0] ?? '');
  const r = await io.client()['recheck.run']({ bundle_base64: bytes.toString('base64'), ...(await caPemOf('--ca', values.ca)), ...signer });
  if (!r.ok) {
    io.note(printable(`${r.error.code}: ${r.error.message}`));
    return r.error.code.startsWith('BUNDLE_') ? EXIT_NOT_VALID : exitForError(r.error.code, EXIT_FAILURE);
  }
  if (values.json === true) io.print(JSON.stringify(r.value));
  else for (const line of recheckLines(r.value)) io.print(printable(line));
  return r.value.drift.length === 0 ? EXIT_OK : EXIT_BLOCKED;
};

export const recheckCommand: CliCommand = {
  summary: "Re-run the URL-safety checks and the probe for a bundle's target, without any credential, and report drift (exit 0 none, 3 drift, 5 bundle not intact).",
  usage: `${CLI_NAME} ${RECHECK_USAGE}`,
  run,
};

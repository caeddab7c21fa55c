import { rename, rm, writeFile } from 'node:fs/promises';
import type { BundleSummary, BundleVerification } from '../../../shared/domain/bundle';
import { BUNDLE_MAX_EXPIRY_DAYS } from '../../../shared/domain/bundle';
import { EXIT_FAILURE, EXIT_NOT_VALID, EXIT_OK, EXIT_SIGNER_UNCONFIRMED, EXIT_USAGE, UsageError, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';
import { readOrRefuse, signerOf } from './bundle-input';
import { runBundleDiff } from './bundle-diff';
import { printable } from '../printable';

// `bundle export` and `bundle verify`, both through the contract like every other caller.

export const BUNDLE_USAGE =
  'bundle export --target NAME [--out FILE] [--summary FILE] [--expires-in DAYS] | bundle verify FILE [--fingerprint FINGERPRINT | --trust FILE] [--json] | bundle diff A.json B.json [--fingerprint FINGERPRINT | --trust FILE] [--json]';

/** Write next to the destination, then rename: a reader never sees half a bundle. */
export const writeAtomically = async (path: string, text: string): Promise<void> => {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
};

const runExport = async (args: string[], io: CliIO): Promise<number> => {
  const { values } = parseFlags(args, {
    target: { type: 'string' },
    out: { type: 'string' },
    summary: { type: 'string' },
    'expires-in': { type: 'string' },
  });
  if (values.target === undefined) throw new UsageError('bundle export needs --target NAME');
  const days = values['expires-in'];
  if (days !== undefined && (!/^[1-9][0-9]{0,2}$/.test(days) || Number(days) > BUNDLE_MAX_EXPIRY_DAYS)) {
    throw new UsageError(`--expires-in must be a whole number of days from 1 to ${BUNDLE_MAX_EXPIRY_DAYS}`);
  }
  const r = await io.client()['bundle.export']({ id: values.target, ...(days === undefined ? {} : { expires_in_days: Number(days) }) });
  if (!r.ok) {
    io.note(`${r.error.code}: ${r.error.message}`);
    return EXIT_FAILURE;
  }
  const out = values.out ?? r.value.file_name;
  try {
    await writeAtomically(out, r.value.text);
    if (values.summary !== undefined) await writeAtomically(values.summary, r.value.summary_text);
  } catch (cause) {
    io.note(`Could not write the bundle: ${cause instanceof Error ? cause.message : String(cause)}`);
    return EXIT_FAILURE;
  }
  io.print(`Wrote ${out}`);
  if (values.summary !== undefined) io.print(`Wrote ${values.summary} (printable summary, not signed)`);
  io.print(`bundle id:    ${r.value.bundle_id}`);
  io.print(`fingerprint:  ${r.value.fingerprint}`);
  io.print(`expires:      ${r.value.expires_at}`);
  return EXIT_OK;
};

const printableSummary = (s: BundleSummary): BundleSummary => {
  const p = (t: string | null): string | null => (t === null ? null : printable(t));
  return {
    ...s,
    target_name: printable(s.target_name),
    base_url: p(s.base_url),
    workspace: p(s.workspace),
    repository_slug: p(s.repository_slug),
    app: { name: printable(s.app.name), version: printable(s.app.version) },
  };
};

export const verificationLines = (v: BundleVerification): string[] => {
  const s = v.summary === null ? null : printableSummary(v.summary);
  const lines = [
    `verdict:      ${v.verdict}`,
    `message:      ${printable(v.message)}`,
    `fingerprint:  ${v.fingerprint ?? '(none)'}`,
  ];
  if (v.pinned_fingerprint !== null) lines.push(`pinned:       ${v.pinned_fingerprint}${v.pinned_fingerprint === v.fingerprint ? ' (matches)' : ' (DIFFERS)'}`);
  else if (v.trusted_count > 0) lines.push(`trusted:      ${v.trusted_count} key${v.trusted_count === 1 ? '' : 's'} (${v.signer_confirmed_by === 'trust_list' ? 'the signer is one' : 'the signer is NOT one'})`);
  if (v.verdict === 'valid_unpinned') lines.push('signer:       NOT CONFIRMED: compare the fingerprint with the admin, then pin it (--fingerprint) or list it (--trust FILE)');
  if (s === null) return lines;
  return [
    ...lines,
    `target:       ${s.target_name} (${s.target_id})`,
    `provider:     ${s.provider_key} (${s.deployment_mode})${s.base_url === null ? '' : ` ${s.base_url}`}`,
    `allowlist:    ${s.allowlist_status ?? (s.deployment_mode === 'cloud' ? 'n/a (Bitbucket Cloud)' : '(missing)')}`,
    `workflow:     ${s.issue_workflow ?? '(not chosen)'}`,
    `readiness:    ${s.readiness_verdict}${s.blocking.length > 0 ? ` (blocking: ${s.blocking.join(', ')})` : ''}`,
    `issued:       ${s.issued_at}`,
    `expires:      ${s.expires_at}`,
    `bundle id:    ${s.bundle_id}`,
    `made by:      ${s.app.name} ${s.app.version}`,
    ...repositoryLines(s),
  ];
};

/** Format version 2: the count, the per-verdict totals, then one line per repository. */
const repositoryLines = (s: BundleSummary): string[] => {
  const r = s.repositories;
  if (r === null) return [];
  const totals = Object.entries(r.totals).filter(([, n]) => n > 0).map(([v, n]) => `${v} ${n}`);
  return [`repositories: ${r.count} (${totals.join(', ')})`, ...r.list.map((x) => `  ${x.verdict.padEnd(13)} ${printable(x.project)}/${printable(x.slug)}${x.code === undefined ? '' : ` (${x.code})`}`)];
};

const exitOf = (v: BundleVerification): number => (v.verdict === 'valid' ? EXIT_OK : v.verdict === 'valid_unpinned' ? EXIT_SIGNER_UNCONFIRMED : EXIT_NOT_VALID);

const runVerify = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseFlags(args, { fingerprint: { type: 'string' }, trust: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (positionals.length !== 1) throw new UsageError('bundle verify needs exactly one FILE');
  const file = positionals[0] ?? '';
  const signer = await signerOf(values);
  const bytes = await readOrRefuse(file);
  const r = await io.client()['bundle.verify']({ bytes_base64: bytes.toString('base64'), ...signer });
  if (!r.ok) {
    io.note(`${r.error.code}: ${r.error.message}`);
    return EXIT_FAILURE;
  }
  const v = r.value;
  if (values.json === true) {
    const { verdict, valid, message, fingerprint, pinned_fingerprint, trusted_count, signer_confirmed_by, summary, issues } = v;
    io.print(JSON.stringify({ verdict, valid, message, fingerprint, pinned_fingerprint, trusted_count, signer_confirmed_by, summary, readiness: v.payload?.readiness ?? null, issues }));
  } else {
    for (const line of verificationLines(v)) io.print(line);
  }
  return exitOf(v);
};

export const bundleCommand: CliCommand = {
  summary:
    'Export a ready target as a signed .wrobundle.json, or verify a bundle offline. verify exits 0 valid and signed by the pinned or a trusted key, 6 signature valid but signer not confirmed (no --fingerprint or --trust), 5 not valid.',
  usage: BUNDLE_USAGE,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub === 'export') return runExport(rest, io);
    if (sub === 'verify') return runVerify(rest, io);
    if (sub === 'diff') return runBundleDiff(rest, io);
    io.note(`bundle: expected 'export', 'verify' or 'diff'. usage: ${BUNDLE_USAGE}`);
    return EXIT_USAGE;
  },
};

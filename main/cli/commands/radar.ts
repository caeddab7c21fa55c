import { AllowlistStatus } from '../../../shared/domain/vocabulary';
import type { RadarScanResult } from '../../../shared/contract/radar';
import { RADAR_DEFAULT_WITHIN_DAYS, RADAR_MAX_WITHIN_DAYS, type RadarItem } from '../../../shared/domain/radar';
import { CLI_NAME, EXIT_BLOCKED, EXIT_FAILURE, EXIT_NOT_VALID, EXIT_OK, exitForError, UsageError, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';
import { printable } from '../printable';
import { caPemOf } from '../ca-flag';
import { readBounded, signerOf } from './bundle-input';
import { RADAR_STATUS_WORD } from '../../../shared/domain/radar-judge';

// `radar`: every date that will stop a target working, from saved targets, live probes or a bundle.


export const RADAR_USAGE =
  'radar [--target NAME | --probe BASE_URL ... | --bundle FILE] [--within DAYS] [--json] [--ca FILE] [--allowlist-status direct|allowlisted|approved_tunnel] [--acknowledge-private] [--fingerprint FINGERPRINT | --trust FILE]';


const when = (i: RadarItem): string =>
  i.days_left === null ? 'no date known' : i.days_left < 0 ? `${-i.days_left} days ago` : i.days_left === 0 ? 'today' : `in ${i.days_left} days`;

export const radarLines = (r: RadarScanResult): string[] => [
  ...(r.bundle === null ? [] : [`bundle:  ${r.bundle.verdict} — ${r.bundle.message}`]),
  `radar:   ${r.due} of ${r.items.length} items due or past within ${r.within_days} days (${r.generated_at.slice(0, 10)})`,
  ...r.items.flatMap((i) => [
    `${RADAR_STATUS_WORD[i.status].padEnd(5)} ${(i.date ?? '----------').padEnd(10)}  ${i.kind.padEnd(20)} ${i.scope}: ${i.subject} [${i.basis}, ${when(i)}]`,
    `      -> ${i.action}`,
  ]),
];

const readBundle = async (file: string): Promise<string> => {
  try {
    return (await readBounded(file)).toString('base64');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${JSON.stringify(file.slice(0, 200))} (${code})`);
  }
};

const run = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseFlags(
    args,
    {
      target: { type: 'string' },
      probe: { type: 'string', multiple: true },
      bundle: { type: 'string' },
      within: { type: 'string' },
      json: { type: 'boolean' },
      ca: { type: 'string' },
      'allowlist-status': { type: 'string' },
      'acknowledge-private': { type: 'boolean' },
      fingerprint: { type: 'string' },
      trust: { type: 'string' },
    },
    true,
  );
  const probes = values.probe === undefined ? [] : [...values.probe, ...positionals];
  if (values.probe === undefined && positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0]?.slice(0, 80))}`);
  const sources = [values.target, values.probe, values.bundle].filter((v) => v !== undefined).length;
  if (sources > 1) throw new UsageError('choose one of --target, --probe and --bundle');
  const within = values.within ?? String(RADAR_DEFAULT_WITHIN_DAYS);
  if (!/^\d{1,4}$/.test(within) || Number(within) > RADAR_MAX_WITHIN_DAYS) throw new UsageError(`--within must be a whole number of days from 0 to ${RADAR_MAX_WITHIN_DAYS}`);
  const status = values['allowlist-status'];
  if (status !== undefined && !AllowlistStatus.safeParse(status).success) throw new UsageError('--allowlist-status must be direct, allowlisted or approved_tunnel');
  if (values.probe === undefined && (values.ca !== undefined || status !== undefined || values['acknowledge-private'] === true)) {
    throw new UsageError('--ca, --allowlist-status and --acknowledge-private go with --probe');
  }
  if ((values.fingerprint !== undefined || values.trust !== undefined) && values.bundle === undefined) throw new UsageError('--fingerprint and --trust go with --bundle');
  const signer = await signerOf(values);
  const r = await io.client()['radar.scan']({
    within_days: Number(within),
    ...(values.target === undefined ? {} : { target: values.target }),
    ...(values.probe === undefined ? {} : { probe: probes }),
    ...(values.bundle === undefined ? {} : { bundle_base64: await readBundle(values.bundle) }),
    ...signer,
    ...(await caPemOf('--ca', values.ca)),
    ...(status === undefined ? {} : { allowlist_status: AllowlistStatus.parse(status) }),
    acknowledge_private: values['acknowledge-private'] === true,
  });
  if (!r.ok) {
    io.note(printable(`${r.error.code}: ${r.error.message}`));
    if (r.error.code === 'REQUEST_INVALID') return EXIT_FAILURE;
    return r.error.code.startsWith('BUNDLE_') ? EXIT_NOT_VALID : exitForError(r.error.code, EXIT_FAILURE);
  }
  if (values.json === true) io.print(JSON.stringify(r.value));
  else for (const line of radarLines(r.value)) io.print(printable(line));
  return r.value.due > 0 ? EXIT_BLOCKED : EXIT_OK;
};

export const radarCommand: CliCommand = {
  summary: 'The expiry radar: certificates, CA, credentials, OAuth refresh, bundle and Data Center end of support (exit 0 nothing due, 3 due or past, 5 bundle not intact).',
  usage: `${CLI_NAME} ${RADAR_USAGE}`,
  run,
};

import { BULK_MAX_CONCURRENCY } from '../../../shared/contract/bulk';
import { BUNDLE_MAX_EXPIRY_DAYS } from '../../../shared/domain/bundle';
import { CLI_NAME, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIO } from '../cli-io';
import { caPemOf } from '../ca-flag';
import { parseFlags, parseWholeNumber, policyInput, POLICY_FLAGS } from '../parse-flags';
import { writeAtomically } from './bundle';
import { runBulkCheck } from './bulk-check';
import { readPlan, writePlan } from './bulk-plan-file';
import { readTarget } from './check';
import { sessionInstance, totalsLine, type BulkDraft } from './bulk-session';

// `bulk discover | check | export`: one instance, every repository, one signed bundle. Secrets as in
// `check`: $BTS_BITBUCKET_SECRET / $BTS_JIRA_SECRET, or a JSON object on stdin with --stdin; never argv.
// discover and check run on an in-memory session (nothing kept after the run but PLAN.json);
// export signs with the app's key, through the persistent contract client.

export const BULK_USAGE =
  'bulk discover (--base-url URL --confirmed-by NAME [--ca FILE] [--allowlist-status S] [--acknowledge-private] [--username U] | --workspace WS [--email E] | --target FILE) ' +
  '[--project KEY]... [--match GLOB] [--exclude GLOB]... --out PLAN.json [--stdin] | ' +
  `bulk check PLAN.json [--concurrency N (1-${BULK_MAX_CONCURRENCY})] [--stdin] | bulk export PLAN.json --out BUNDLE.json [--summary FILE] [--expires-in DAYS]`;

type Draft = BulkDraft;

/** The instance a discover run describes, from its flags (or the target file). */
const draftOf = async (values: Record<string, string | boolean | string[] | undefined>, now: string): Promise<Draft> => {
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const file = str('target');
  const baseUrl = str('base-url');
  const workspace = str('workspace');
  if ([file, baseUrl, workspace].filter((x) => x !== undefined).length !== 1) throw new UsageError('give exactly one of --base-url URL (Data Center), --workspace WS (Cloud) or --target FILE');
  if (file !== undefined) {
    const draft = await readTarget(file);
    // Bulk routes are Jira or portable; a native choice is the single-repository wizard's.
    if (draft.issue_workflow === 'native') {
      const { issue_workflow: _native, ...rest } = draft;
      void _native;
      return rest;
    }
    return draft;
  }
  if (workspace !== undefined) {
    const email = str('email');
    return { provider_key: 'bitbucket_cloud_issues', deployment_mode: 'cloud', base_url: 'https://api.bitbucket.org/2.0', workspace, auth_method: email === undefined ? 'oauth' : 'api_token', ...(email === undefined ? {} : { account_email: email }) };
  }
  const by = str('confirmed-by');
  if (by === undefined) throw new UsageError('a Data Center instance needs --confirmed-by NAME: who confirms ownership, API-root reachability and scan authorisation');
  const policy = policyInput({ 'allowlist-status': str('allowlist-status'), 'acknowledge-private': values['acknowledge-private'] === true });
  const confirmation = { confirmed_by: by, confirmed_at: now };
  const username = str('username');
  const ca = str('ca');
  return {
    provider_key: 'bitbucket_data_center_issues',
    deployment_mode: 'self-hosted',
    confirmations: { ownership: confirmation, api_root_reachable: confirmation, scan_authorized: confirmation },
    base_url: baseUrl ?? '',
    ...(policy.allowlist_status === undefined ? {} : { allowlist_status: policy.allowlist_status }),
    private_address_acknowledged: policy.acknowledge_private,
    auth_method: username === undefined ? 'http_access_token' : 'basic',
    ...(username === undefined ? {} : { username }),
    ...(await caPemOf('--ca', ca)),
  };
};

const runDiscover = async (args: string[], io: CliIO): Promise<number> => {
  const { values } = parseFlags(args, {
    'base-url': { type: 'string' },
    'confirmed-by': { type: 'string' },
    ca: { type: 'string' },
    username: { type: 'string' },
    workspace: { type: 'string' },
    email: { type: 'string' },
    target: { type: 'string' },
    project: { type: 'string', multiple: true },
    match: { type: 'string' },
    exclude: { type: 'string', multiple: true },
    out: { type: 'string' },
    stdin: { type: 'boolean' },
    ...POLICY_FLAGS,
  });
  if (values.out === undefined) throw new UsageError('bulk discover needs --out PLAN.json');
  const client = io.sessionClient();
  const id = await sessionInstance(io, client, await draftOf(values, new Date().toISOString()), values.stdin === true);
  io.note('bulk discover: checking the instance and listing repositories…');
  const r = await client['bulk.discover']({ target_id: id, projects: values.project ?? [], ...(values.match === undefined ? {} : { match: values.match }), exclude: values.exclude ?? [] });
  if (!r.ok) {
    io.note(`bulk discover: ${r.error.code}: ${r.error.message}`);
    return EXIT_FAILURE;
  }
  try {
    await writePlan(values.out, r.value.plan);
  } catch (cause) {
    io.note(`Could not write the plan: ${cause instanceof Error ? cause.message : String(cause)}`);
    return EXIT_FAILURE;
  }
  io.print(`Wrote ${values.out}`);
  io.print(`found:        ${r.value.plan.repositories.length} of ${r.value.seen} repositories (${r.value.pages} page${r.value.pages === 1 ? '' : 's'} read)${r.value.truncated ? ' (the listing was truncated)' : ''}`);
  io.print(`next:         edit the plan if needed, then ${CLI_NAME} bulk check ${values.out}`);
  return EXIT_OK;
};

const runExport = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseFlags(args, { out: { type: 'string' }, summary: { type: 'string' }, 'expires-in': { type: 'string' } }, true);
  if (positionals.length !== 1) throw new UsageError('bulk export needs exactly one PLAN.json');
  if (values.out === undefined) throw new UsageError('bulk export needs --out BUNDLE.json');
  const days = values['expires-in'] === undefined ? undefined : parseWholeNumber('--expires-in', values['expires-in'], 1, BUNDLE_MAX_EXPIRY_DAYS);
  const plan = await readPlan(positionals[0] ?? '');
  const r = await io.client()['bulk.export']({ plan, ...(days === undefined ? {} : { expires_in_days: days }) });
  if (!r.ok) {
    io.note(`bulk export: ${r.error.code}: ${r.error.message}`);
    return EXIT_FAILURE;
  }
  try {
    await writeAtomically(values.out, r.value.text);
    if (values.summary !== undefined) await writeAtomically(values.summary, r.value.summary_text);
  } catch (cause) {
    io.note(`Could not write the bundle: ${cause instanceof Error ? cause.message : String(cause)}`);
    return EXIT_FAILURE;
  }
  io.print(`Wrote ${values.out}`);
  io.print(`repositories: ${totalsLine(plan)}`);
  io.print(`bundle id:    ${r.value.bundle_id}`);
  io.print(`fingerprint:  ${r.value.fingerprint}`);
  io.print(`expires:      ${r.value.expires_at}`);
  return EXIT_OK;
};

export const bulkCommand: CliCommand = {
  summary:
    'Onboard a whole Data Center instance or Cloud workspace: discover its repositories into PLAN.json, check each (exit 0 all ready, 3 some not), export one signed bundle. Secrets as in check.',
  usage: `${CLI_NAME} ${BULK_USAGE}`,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub === 'discover') return runDiscover(rest, io);
    if (sub === 'check') return runBulkCheck(rest, io);
    if (sub === 'export') return runExport(rest, io);
    io.note(`bulk: expected 'discover', 'check' or 'export'. usage: ${BULK_USAGE}`);
    return EXIT_USAGE;
  },
};

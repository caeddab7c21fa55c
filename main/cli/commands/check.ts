import { z } from 'zod';
import type { CheckFinding } from '../../../shared/contract/checks';
import { TargetDraft } from '../../../shared/domain/target';
import { CLI_NAME, EXIT_BLOCKED, EXIT_FAILURE, EXIT_OK, exitForError, readAll, UsageError, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';
import { caPemOf } from '../ca-flag';
import { readJsonFile } from '../read-json-file';
import { withProgress } from '../progress-call';

// `check` runs headless and leaves nothing behind: the target and its credentials live in the
// session client's memory for the run, behind the same contract methods the app uses
// (targets.save, credentials.store, checks.run, readiness.evaluate).

export const CHECK_USAGE = 'check --target FILE [--json] [--stdin] [--proxy-resolves-name]';
export const CHECK_SUMMARY =
  'Run every provider check for a target description (JSON). Secrets from $BTS_BITBUCKET_SECRET / $BTS_JIRA_SECRET, or a JSON object on stdin with --stdin; never argv.';

/** `--stdin`: `{"bitbucket": "...", "jira": "..."}`. */
const StdinSecrets = z.strictObject({ bitbucket: z.string().min(1).optional(), jira: z.string().min(1).optional() });

const row = (f: CheckFinding): string => `${f.verdict.toUpperCase().padEnd(5)} ${f.title.padEnd(26)} ${(f.code ?? '').padEnd(27)} ${f.detail}`;

/**
 * A target file may name its corporate CA by path (`ca_file`), as scripts always have: the CLI
 * reads it here and hands the contract the PEM text (`ca_pem`). A path never reaches the contract.
 */
const withCaContent = async (raw: unknown): Promise<unknown> => {
  if (typeof raw !== 'object' || raw === null || !('ca_file' in raw)) return raw;
  const { ca_file: path, ...rest } = raw as Record<string, unknown>;
  if (typeof path !== 'string' || path === '') throw new UsageError('ca_file must be the path of a PEM file');
  return { ...rest, ...(await caPemOf('ca_file', path)) };
};

export const readTarget = (file: string): Promise<z.output<typeof TargetDraft>> => readJsonFile(file, TargetDraft, 'target', withCaContent);

export const readSecrets = async (io: CliIO, fromStdin: boolean): Promise<z.infer<typeof StdinSecrets>> => {
  if (!fromStdin) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(await readAll(io.stdin));
  } catch {
    throw new UsageError('stdin is not JSON');
  }
  const parsed = StdinSecrets.safeParse(raw);
  if (!parsed.success) throw new UsageError('stdin must be a JSON object with "bitbucket" and/or "jira" strings');
  return parsed.data;
};

/** Exit 0 ready, 3 blocked or incomplete, 1 an error answer, 2 usage error. */
export const checkCommand: CliCommand = {
  summary: CHECK_SUMMARY,
  usage: `${CLI_NAME} ${CHECK_USAGE}`,
  run: async (args, io) => {
    const { values } = parseFlags(args, { target: { type: 'string' }, json: { type: 'boolean' }, stdin: { type: 'boolean' }, 'proxy-resolves-name': { type: 'boolean' } });
    if (values.target === undefined) throw new UsageError('--target FILE is required');
    const described = await readTarget(values.target);
    // The flag is the target field `proxy_resolves_name` (Data Center only), as the wizard's checkbox sets it.
    if (values['proxy-resolves-name'] === true && described.provider_key !== 'bitbucket_data_center_issues') throw new UsageError('--proxy-resolves-name applies to a Data Center target');
    const draft = values['proxy-resolves-name'] === true ? { ...described, proxy_resolves_name: true } : described;
    const secrets = await readSecrets(io, values.stdin === true);
    const bitbucket = secrets.bitbucket ?? io.env['BTS_BITBUCKET_SECRET'];
    const jira = secrets.jira ?? io.env['BTS_JIRA_SECRET'];

    const client = io.sessionClient();
    // Saved without the fields the wizard gates on check results; they are judged by readiness below.
    const { issue_workflow, ...rest } = draft;
    const scopes = 'scopes' in rest ? rest.scopes : undefined;
    const ungated = 'scopes' in rest ? { ...rest, scopes: [] } : rest;
    const saved = await client['targets.save']({ target: ungated });
    if (!saved.ok) throw new UsageError(`${saved.error.code}: ${saved.error.message}`);
    const id = saved.value.target.id;
    for (const [kind, secret] of [['bitbucket', bitbucket], ['jira', jira]] as const) {
      if (secret === undefined) continue;
      const stored = await client['credentials.store']({ target_id: id, kind, secret });
      if (!stored.ok) {
        io.note(`check: ${stored.error.code}: ${stored.error.message}`);
        return exitForError(stored.error.code, EXIT_FAILURE);
      }
    }
    const run = await withProgress(io, client, 'check', (options) => client['checks.run']({ target_id: id }, options));
    if (!run.ok) {
      // The run did not finish (cancelled by Ctrl-C, or refused): an error answer, nothing was judged.
      io.note(`check: ${run.error.code}: ${run.error.message}`);
      return exitForError(run.error.code, EXIT_FAILURE);
    }
    const full = { ...saved.value.target, ...(issue_workflow === undefined ? {} : { issue_workflow }), ...(scopes === undefined ? {} : { scopes }) };
    const evaluated = await client['readiness.evaluate']({ target: full as typeof saved.value.target, checks: run.value.record.checks });
    if (!evaluated.ok) throw new UsageError(`${evaluated.error.code}: ${evaluated.error.message}`);
    const readiness = evaluated.value;
    const target = saved.value.target;
    const findings = run.value.findings;

    if (values.json === true) {
      io.print(JSON.stringify({ target: { name: target.name, provider_key: target.provider_key }, verdict: readiness.verdict, blocking: readiness.blocking, pending: readiness.pending, states: readiness.states, findings }));
    } else {
      for (const f of findings) io.print(row(f));
      for (const s of readiness.states.filter((x) => x.applicable)) io.print(`${s.ready ? 'READY' : 'NOT  '} ${s.label}: ${s.reason}`);
      io.print(`verdict: ${readiness.verdict}${readiness.blocking.length > 0 ? ` (blocked by ${readiness.blocking.join(', ')})` : ''}`);
      for (const p of readiness.pending) io.print(`pending: ${p}`);
    }
    return readiness.verdict === 'ready' ? EXIT_OK : EXIT_BLOCKED;
  },
};

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { appInfoFor } from '../../composition/node-deps';
import type { ChecksRun, CheckFinding } from '../../../shared/contract/checks';
import type { Result } from '../../../shared/contract/define';
import type { Readiness } from '../../../shared/domain/readiness';
import { TargetDraft, type TargetConfig } from '../../../shared/domain/target';
import { systemClock, type Clock } from '../../services/clock/clock';
import { createNodeProviderDeps } from '../../services/providers/node-provider-deps';
import type { ProviderDeps } from '../../services/providers/provider-deps';
import { CLI_NAME, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';
import { checkSessionApi } from './check-session';
import { EXIT_BLOCKED, readStream } from './url-safety-args';

export const CHECK_USAGE = 'check --target FILE [--json] [--stdin]';
export const CHECK_SUMMARY =
  'Run every provider check for a target description (JSON). Secrets from $BTS_BITBUCKET_SECRET / $BTS_JIRA_SECRET, or a JSON object on stdin with --stdin; never argv.';

/** `--stdin`: `{"bitbucket": "...", "jira": "..."}`. */
const StdinSecrets = z.strictObject({ bitbucket: z.string().min(1).optional(), jira: z.string().min(1).optional() });

export interface CheckCommandDeps {
  readonly providers?: ProviderDeps;
  readonly clock?: Clock;
}

type Io = Pick<CliIO, 'print' | 'note' | 'stdin' | 'env' | 'openUrl'>;

const usage = (io: Io, message: string): number => {
  io.note(`check: ${message}`);
  io.note(`usage: ${CLI_NAME} ${CHECK_USAGE}`);
  return EXIT_USAGE;
};

const row = (f: CheckFinding): string => `${f.verdict.toUpperCase().padEnd(5)} ${f.title.padEnd(26)} ${(f.code ?? '').padEnd(27)} ${f.detail}`;

const unwrap = <T>(r: Result<unknown>): T | { error: string } => (r.ok ? (r.value as T) : { error: `${r.error.code}: ${r.error.message}` });

export const runCheckCommand = async (args: string[], io: Io, deps: CheckCommandDeps = {}): Promise<number> => {
  const { values } = parseFlags(args, { target: { type: 'string' }, json: { type: 'boolean' }, stdin: { type: 'boolean' } });
  if (values.target === undefined) return usage(io, '--target FILE is required');
  let text: string;
  try {
    text = await readFile(values.target, 'utf8');
  } catch {
    return usage(io, `cannot read ${values.target}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    return usage(io, `${values.target} is not JSON`);
  }
  const draft = TargetDraft.safeParse(raw);
  if (!draft.success) {
    // Paths only: a value in a target file may be something the admin should not have put there.
    return usage(io, `${values.target} is not a valid target: ${draft.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  let secrets: z.infer<typeof StdinSecrets> = {};
  if (values.stdin === true) {
    try {
      const parsed = StdinSecrets.safeParse(JSON.parse(await readStream(io.stdin)));
      if (!parsed.success) return usage(io, 'stdin must be a JSON object with "bitbucket" and/or "jira" strings');
      secrets = parsed.data;
    } catch {
      return usage(io, 'stdin is not JSON');
    }
  }
  const bitbucket = secrets.bitbucket ?? io.env['BTS_BITBUCKET_SECRET'];
  const jira = secrets.jira ?? io.env['BTS_JIRA_SECRET'];

  const providers = deps.providers ?? createNodeProviderDeps({ openExternal: async (url) => void (await io.openUrl(url)), env: io.env });
  const api = checkSessionApi({ appInfo: appInfoFor('cli'), clock: deps.clock ?? systemClock, providers });
  // Saved without the fields the wizard gates on check results; they are judged by readiness below.
  const { issue_workflow, scopes, ...ungated } = draft.data as Record<string, unknown>;
  const saved = unwrap<{ target: TargetConfig }>(await api.call('targets.save', { target: ungated }));
  if ('error' in saved) return usage(io, saved.error);
  const id = saved.target.id;
  if (bitbucket !== undefined) await api.call('credentials.store', { target_id: id, kind: 'bitbucket', secret: bitbucket });
  if (jira !== undefined) await api.call('credentials.store', { target_id: id, kind: 'jira', secret: jira });
  const run = unwrap<ChecksRun>(await api.call('checks.run', { target_id: id }));
  if ('error' in run) {
    io.note(`check: ${run.error}`);
    return EXIT_BLOCKED;
  }
  const full = { ...saved.target, ...(issue_workflow === undefined ? {} : { issue_workflow }), ...(scopes === undefined ? {} : { scopes }) };
  const readiness = unwrap<Readiness>(await api.call('readiness.evaluate', { target: full, checks: run.checks }));
  if ('error' in readiness) return usage(io, readiness.error);

  if (values.json === true) {
    io.print(JSON.stringify({ target: { name: saved.target.name, provider_key: saved.target.provider_key }, verdict: readiness.verdict, blocking: readiness.blocking, pending: readiness.pending, states: readiness.states, findings: run.findings }));
  } else {
    for (const f of run.findings) io.print(row(f));
    for (const s of readiness.states.filter((x) => x.applicable)) io.print(`${s.ready ? 'READY' : 'NOT  '} ${s.label}: ${s.reason}`);
    io.print(`verdict: ${readiness.verdict}${readiness.blocking.length > 0 ? ` (blocked by ${readiness.blocking.join(', ')})` : ''}`);
    for (const p of readiness.pending) io.print(`pending: ${p}`);
  }
  return readiness.verdict === 'ready' ? EXIT_OK : EXIT_BLOCKED;
};

/** Exit 0 ready, 3 blocked or incomplete, 2 usage error. */
export const checkCommand: CliCommand = {
  summary: CHECK_SUMMARY,
  usage: `${CLI_NAME} ${CHECK_USAGE}`,
  run: (args, io) => runCheckCommand(args, io),
};

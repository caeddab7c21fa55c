import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { appInfoFor } from '../../composition/node-deps';
import type { CheckFinding } from '../../../shared/contract/checks';
import { createClient } from '../../../shared/contract/client';
import { TargetDraft } from '../../../shared/domain/target';
import { systemClock, type Clock } from '../../services/clock/clock';
import { createNodeProviderDeps } from '../../services/providers/node-provider-deps';
import { systemNetwork, type Network } from '../../services/net/network';
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
  /** The one network of this run (default: the system's, with this process's proxy env). */
  readonly network?: Network;
  readonly clock?: Clock;
}

type Io = Pick<CliIO, 'print' | 'note' | 'stdin' | 'env' | 'openUrl'>;

const usage = (io: Io, message: string): number => {
  io.note(`check: ${message}`);
  io.note(`usage: ${CLI_NAME} ${CHECK_USAGE}`);
  return EXIT_USAGE;
};

const row = (f: CheckFinding): string => `${f.verdict.toUpperCase().padEnd(5)} ${f.title.padEnd(26)} ${(f.code ?? '').padEnd(27)} ${f.detail}`;


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

  const network = deps.network ?? systemNetwork(io.env);
  const providers = deps.providers ?? createNodeProviderDeps({ openExternal: async (url) => void (await io.openUrl(url)), network });
  const api = checkSessionApi({ appInfo: appInfoFor('cli'), clock: deps.clock ?? systemClock, providers, network });
  // The same contract methods the app uses, every answer parsed against the contract.
  const client = createClient((name, input) => api.call(name, input));
  // Saved without the fields the wizard gates on check results; they are judged by readiness below.
  const { issue_workflow, ...rest } = draft.data;
  const scopes = 'scopes' in rest ? rest.scopes : undefined;
  const ungated = 'scopes' in rest ? { ...rest, scopes: [] } : rest;
  const saved = await client['targets.save']({ target: ungated });
  if (!saved.ok) return usage(io, `${saved.error.code}: ${saved.error.message}`);
  const id = saved.value.target.id;
  if (bitbucket !== undefined) await client['credentials.store']({ target_id: id, kind: 'bitbucket', secret: bitbucket });
  if (jira !== undefined) await client['credentials.store']({ target_id: id, kind: 'jira', secret: jira });
  const run = await client['checks.run']({ target_id: id });
  if (!run.ok) {
    io.note(`check: ${run.error.code}: ${run.error.message}`);
    return EXIT_BLOCKED;
  }
  const full = { ...saved.value.target, ...(issue_workflow === undefined ? {} : { issue_workflow }), ...(scopes === undefined ? {} : { scopes }) };
  const evaluated = await client['readiness.evaluate']({ target: full as typeof saved.value.target, checks: run.value.record.checks });
  if (!evaluated.ok) return usage(io, `${evaluated.error.code}: ${evaluated.error.message}`);
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
};

/** Exit 0 ready, 3 blocked or incomplete, 2 usage error. */
export const checkCommand: CliCommand = {
  summary: CHECK_SUMMARY,
  usage: `${CLI_NAME} ${CHECK_USAGE}`,
  run: (args, io) => runCheckCommand(args, io),
};

import type { Result } from '../../../shared/contract/define';
import { providerOptionMethods, type ProviderOptions } from '../../../shared/contract/provider-options';
import { describeError, type Wording } from '../../../shared/errors/catalog';
import { CLI_NAME, EXIT_FAILURE, EXIT_OK, exitForError, UsageError, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';

// `options`: what the provider offers for a field, as the wizard suggests it — the contract's
// provider-list methods (shared/contract/provider-options.ts) for a saved target, with its keychain
// credential. The list names derive from the method names, and whether a list needs --project from
// the method's own input schema: a list added to the contract is on the command line at once.

type OptionMethod = keyof typeof providerOptionMethods;

const PREFIX = 'options.';

/** The list's name on the command line: `options.dataCenterProjects` → `data-center-projects`. */
export const listNameOf = (method: OptionMethod): string => method.slice(PREFIX.length).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const METHODS = Object.keys(providerOptionMethods) as OptionMethod[];
const LISTS: ReadonlyMap<string, OptionMethod> = new Map(METHODS.map((m) => [listNameOf(m), m]));
const NAMES = [...LISTS.keys()];

/** A list of one project's items: the method's input names `project_key`. */
const takesProject = (method: OptionMethod): boolean => 'project_key' in providerOptionMethods[method].input.shape;

/** The Data Center lists speak of a Data Center target, so their error's fix is in Data Center words. */
/** Whose words a refusal is told in: the Data Center lists are Bitbucket's answers, the others Jira's. */
const wordingOf = (method: OptionMethod): Wording => (method.startsWith(`${PREFIX}dataCenter`) ? 'bitbucket_data_center_issues' : 'jira');

/** The flag each input field comes from, for a refusal of its value. */
const FLAG_OF: Readonly<Record<string, string>> = { target_id: '--target ID', project_key: '--project KEY' };

export const OPTIONS_USAGE = `options <${NAMES.join('|')}> --target ID [--project KEY] [--json]`;

/** Key and name per line, the keys in one column (at most 40 wide, so a long key does not push every name off screen). */
export const optionLines = (options: ProviderOptions): string[] => {
  const width = Math.min(40, Math.max(0, ...options.items.map((o) => o.key.length)));
  return options.items.map((o) => (o.name === '' ? o.key : `${o.key.padEnd(width)}  ${o.name}`));
};

const parseInput = (method: OptionMethod, target: string | undefined, project: string | undefined): Record<string, string> => {
  const list = listNameOf(method);
  if (target === undefined) throw new UsageError('--target ID is required (the id of a saved target)');
  if (takesProject(method) && project === undefined) throw new UsageError(`${list} needs --project KEY (the project whose list it is)`);
  if (!takesProject(method) && project !== undefined) throw new UsageError(`${list} takes no --project (only ${NAMES.filter((n) => takesProject(LISTS.get(n) ?? method)).join(' and ')} do)`);
  const parsed = providerOptionMethods[method].input.safeParse({ target_id: target, ...(project === undefined ? {} : { project_key: project }) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    throw new UsageError(`${FLAG_OF[field] ?? field} is not usable: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
};

const run = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseFlags(args, { target: { type: 'string' }, project: { type: 'string' }, json: { type: 'boolean' } }, true);
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError(`name the list: one of ${NAMES.join(', ')}`);
  if (extra.length > 0) throw new UsageError(`one list at a time (got ${JSON.stringify(extra[0]?.slice(0, 40))} too)`);
  const method = LISTS.get(name);
  if (method === undefined) throw new UsageError(`unknown list '${name.slice(0, 40)}': choose one of ${NAMES.join(', ')}`);
  const input = parseInput(method, values.target, values.project);
  // The input was parsed by this very method's schema above; the client parses the answer.
  const ask = io.client()[method] as (input: Record<string, string>) => Promise<Result<ProviderOptions>>;
  const r = await ask(input);
  if (!r.ok) {
    io.note(`options: ${r.error.code}: ${r.error.message}`);
    io.note(`  fix: ${describeError(r.error.code, wordingOf(method)).fix}`);
    return exitForError(r.error.code, EXIT_FAILURE);
  }
  if (values.json === true) io.print(JSON.stringify(r.value));
  else for (const line of optionLines(r.value)) io.print(line);
  if (r.value.items.length === 0) io.note(`options: the provider listed nothing for ${name}`);
  if (r.value.truncated) io.note('(truncated: the provider holds more)');
  return EXIT_OK;
};

export const optionsCommand: CliCommand = {
  summary: "List what the provider offers for a field, as the wizard suggests it: a saved target's Data Center projects or repositories, Jira projects or issue types (key and name per line; --json the list).",
  usage: `${CLI_NAME} ${OPTIONS_USAGE}`,
  run,
};

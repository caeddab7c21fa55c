import { CLI_NAME, EXIT_CODES, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from './cli-io';
import { COMMANDS } from './commands';
import { parseFlags } from './parse-flags';
import { printable } from './printable';

const isHelp = (a: string): boolean => a === '--help' || a === '-h';

export const helpText = (): string[] => {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length), 4) + 2;
  return [
    `${CLI_NAME}: set up and check a Bitbucket Cloud or Data Center target for WebRiskOps.`,
    '',
    'Usage:',
    `  ${CLI_NAME} [--data-dir DIR] <command> [options]`,
    `  ${CLI_NAME} <command> --help`,
    `  ${CLI_NAME} --help | --version`,
    '',
    'Commands:',
    ...names.flatMap((name) => {
      const c = COMMANDS[name];
      return c === undefined ? [] : [`  ${name.padEnd(width)}${c.summary}`, `  ${' '.repeat(width)}usage: ${c.usage}`];
    }),
    '',
    'Options:',
    '  --data-dir DIR  where settings.json lives (default: $BTS_DATA_DIR, else $XDG_CONFIG_HOME/bitbucket-target-setup,',
    '                  else ~/.config/bitbucket-target-setup). Credentials are kept in the OS keychain, never in files.',
    '  --help, -h      this text',
    '  --version       the app version',
    '',
    'Exit codes:',
    ...EXIT_CODES.map(([code, meaning]) => `  ${code}  ${meaning}`),
  ];
};

/** Splits `[global flags] <command> [command args]`; `--data-dir` takes a value. */
const splitArgv = (argv: string[]): { globals: string[]; command: string | undefined; rest: string[] } => {
  let i = 0;
  while (i < argv.length) {
    const a = argv[i] ?? '';
    if (a === '--data-dir') i += 2;
    else if (a.startsWith('-')) i += 1;
    else break;
  }
  return { globals: argv.slice(0, Math.min(i, argv.length)), command: argv[i], rest: argv.slice(i + 1) };
};

/**
 * The CLI without the process: argv in, exit code out. Every line a command prints goes through
 * `printable`, so nothing from a server or a file can drive the terminal. `--data-dir` is resolved by the caller
 * (see index.ts) because it decides how `io` is built; here it is only accepted.
 */
export const runCli = async (argv: string[], raw: CliIO): Promise<number> => {
  // The one place output is written from: every line, of every command, escaped.
  const io: CliIO = { ...raw, print: (line) => raw.print(printable(line)), note: (line) => raw.note(printable(line)) };
  const { globals, command, rest } = splitArgv(argv);
  try {
    const { values } = parseFlags(globals, { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' }, 'data-dir': { type: 'string' } });
    if (values.version === true) {
      const info = await io.client()['app.info']({});
      io.print(info.ok ? info.value.version : 'unknown');
      return EXIT_OK;
    }
    if (values.help === true || command === undefined) {
      if (command === undefined && values.help !== true) {
        io.note(`${CLI_NAME}: no command given. Try '${CLI_NAME} --help'.`);
        return EXIT_USAGE;
      }
      for (const line of helpText()) io.print(line);
      return EXIT_OK;
    }
    const cmd = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (cmd === undefined) {
      io.note(`${CLI_NAME}: unknown command '${command.slice(0, 40)}'. Try '${CLI_NAME} --help' for the list.`);
      return EXIT_USAGE;
    }
    if (rest.some(isHelp)) {
      io.print(`${cmd.summary}`);
      io.print(`usage: ${cmd.usage}`);
      return EXIT_OK;
    }
    return await cmd.run(rest, io);
  } catch (cause) {
    if (!(cause instanceof UsageError)) throw cause;
    const where = command !== undefined && Object.hasOwn(COMMANDS, command) ? `${CLI_NAME} ${command} --help` : `${CLI_NAME} --help`;
    io.note(`${CLI_NAME}: ${cause.message}. Try '${where}'.`);
    return EXIT_USAGE;
  }
};

/** The `--data-dir` value in argv, if any (before the command). */
export const dataDirFlag = (argv: string[]): string | undefined => {
  const { globals } = splitArgv(argv);
  for (let i = 0; i < globals.length; i += 1) {
    const a = globals[i] ?? '';
    if (a === '--data-dir') return globals[i + 1];
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length);
  }
  return undefined;
};

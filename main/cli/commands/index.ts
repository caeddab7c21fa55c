import type { CliCommand } from '../cli-io';
import { bulkCommand } from './bulk';
import { bundleCommand } from './bundle';
import { checkCommand } from './check';
import { doctorCommand } from './doctor';
import { probeCommand } from './probe';
import { networkRequestCommand } from './network-request';
import { optionsCommand } from './options';
import { radarCommand } from './radar';
import { recheckCommand } from './recheck';
import { serveCommand } from './serve';
import { signingKeyCommand } from './signing-key';
import { urlCheckCommand } from './url-check';

/**
 * Every CLI command by name. Add one: a file beside this one exporting a CliCommand, and one line
 * here. `--help` lists them in this order.
 */
export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  serve: serveCommand,
  'url-check': urlCheckCommand,
  probe: probeCommand,
  check: checkCommand,
  options: optionsCommand,
  bundle: bundleCommand,
  bulk: bulkCommand,
  'signing-key': signingKeyCommand,
  radar: radarCommand,
  'network-request': networkRequestCommand,
  recheck: recheckCommand,
  doctor: doctorCommand,
};

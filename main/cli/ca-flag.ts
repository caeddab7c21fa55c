import { readCaFile } from '../composition/ca-file';
import { UsageError } from './cli-io';

// `--ca FILE` (probe, radar, recheck, network-request) and a `check` target file's `ca_file`: the
// CLI reads the file itself, through the one CA loader, and hands the contract the PEM text only.

/** The PEM text of the CA file `flag` names, or a usage error naming the flag and CA_FILE_INVALID. */
export const caPemOf = async (flag: string, path: string | undefined): Promise<{ ca_pem?: string }> => {
  if (path === undefined) return {};
  const ca = await readCaFile(path);
  if (!ca.ok) throw new UsageError(`${flag}: ${ca.error.code}: ${ca.error.message.replace(/\.$/u, '')}`);
  return { ca_pem: ca.value.pem };
};

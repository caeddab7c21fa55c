import { open } from 'node:fs/promises';
import { BUNDLE_MAX_BYTES } from '../../../shared/domain/bundle';
import { readFingerprint, readTrustList } from '../../../shared/domain/fingerprint-input';
import { UsageError } from '../cli-io';

// What `bundle verify`, `bundle diff`, `radar --bundle` and `recheck` read from the command line: a
// bounded file, and the signer the reviewer confirms.

/** A trust file is a short list of lines; anything larger is not one. */
const TRUST_FILE_MAX_BYTES = 256 * 1024;

/** At most one byte over the limit is read: enough for the verifier to say "too large". */
export const readBounded = async (path: string, limit: number = BUNDLE_MAX_BYTES): Promise<Buffer> => {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(Math.min(size, limit + 1));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

export const readOrRefuse = async (path: string, limit?: number): Promise<Buffer> => {
  try {
    return await readBounded(path, limit);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${JSON.stringify(path.slice(0, 200))} (${code})`);
  }
};

/** The signer the reviewer confirms: a pinned fingerprint or a trust file, both read by the one shared reader. */
export const signerOf = async (values: { fingerprint?: string; trust?: string }): Promise<{ fingerprint?: string; trusted?: string[] }> => {
  if (values.fingerprint !== undefined && values.trust !== undefined) throw new UsageError('use --fingerprint or --trust, not both');
  if (values.fingerprint !== undefined) {
    const pin = readFingerprint(values.fingerprint);
    if (!pin.ok) throw new UsageError(`--fingerprint is refused: ${pin.reason}`);
    return { fingerprint: pin.fingerprint };
  }
  if (values.trust === undefined) return {};
  const bytes = await readOrRefuse(values.trust, TRUST_FILE_MAX_BYTES);
  if (bytes.length > TRUST_FILE_MAX_BYTES) throw new UsageError(`--trust: the file is larger than ${TRUST_FILE_MAX_BYTES / 1024} KiB, so it is not a trust file`);
  const list = readTrustList(bytes.toString('utf8'));
  if (!list.ok) throw new UsageError(`--trust: line ${list.line} is refused: ${list.reason}`);
  return { trusted: [...list.fingerprints] };
};


import type { BundleDiffResult, BundleSide } from '../../../shared/contract/bundle-diff';
import { EXIT_BLOCKED, EXIT_FAILURE, EXIT_NOT_VALID, EXIT_OK, UsageError, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';
import { printable } from '../printable';
import { readBounded, signerOf } from './bundle-input';

// `bundle diff A B`: each signature verified first, then field by field what changed.


const sideLine = (label: string, s: BundleSide): string => `${label}: ${s.verdict}  ${s.fingerprint ?? '(no key)'}  ${s.message}`;

const clip = (t: string | null): string => (t === null ? '(absent)' : t.length > 200 ? `${t.slice(0, 200)}…` : t);

export const diffLines = (r: BundleDiffResult): string[] => {
  const head = [sideLine('A', r.a), sideLine('B', r.b)];
  if (!r.intact) return [...head, 'not compared: a bundle whose signature does not hold says nothing anyone signed'];
  if (r.changes.length === 0) return [...head, r.identical ? 'same: the files are identical' : 'same: every field is equal'];
  return [
    ...head,
    `differ: ${r.changes.length} field${r.changes.length === 1 ? '' : 's'} (${[...new Set(r.changes.map((c) => c.section))].join(', ')})`,
    ...r.changes.map((c) => `  ${c.section.padEnd(12)} ${c.path}: ${clip(c.before)} -> ${clip(c.after)}`),
  ];
};

const readFileBase64 = async (file: string): Promise<string> => {
  try {
    return (await readBounded(file)).toString('base64');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${JSON.stringify(file.slice(0, 200))} (${code})`);
  }
};

export const runBundleDiff = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseFlags(args, { fingerprint: { type: 'string' }, trust: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (positionals.length !== 2) throw new UsageError('bundle diff needs exactly two files, A and B');
  const signer = await signerOf(values);
  const [a, b] = [await readFileBase64(positionals[0] ?? ''), await readFileBase64(positionals[1] ?? '')];
  const r = await io.client()['bundle.diff']({ a_base64: a, b_base64: b, ...signer });
  if (!r.ok) {
    io.note(printable(`${r.error.code}: ${r.error.message}`));
    return EXIT_FAILURE;
  }
  if (values.json === true) io.print(JSON.stringify(r.value));
  else for (const line of diffLines(r.value)) io.print(printable(line));
  if (!r.value.intact) return EXIT_NOT_VALID;
  return r.value.changes.length === 0 ? EXIT_OK : EXIT_BLOCKED;
};

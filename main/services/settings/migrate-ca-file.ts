import { readFileSync, statSync } from 'node:fs';
import { ok, type Result } from '../../../shared/contract/define';
import { CA_PEM_MAX_CHARS } from '../../../shared/domain/ca';
import { parseCaPem } from '../tls/ca-loader';

// Version 1 → 2: a Data Center target named its corporate CA by a path (`ca_file`); from version
// 2 the CA's PEM content is stored (`ca`). The file is read once, here: when it still loads as a
// CA its content is kept; otherwise the path is dropped and the target marked `ca_needs_choice`,
// so the wizard asks for the CA again and every check refuses to run without it (CA_FILE_INVALID).
// The path itself is not kept anywhere.

type RawObject = Record<string, unknown>;

const isObject = (v: unknown): v is RawObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const loadOnce = (path: string): { ca: unknown } | { ca_needs_choice: { reason: string } } => {
  const lost = (reason: string) => ({ ca_needs_choice: { reason: `The CA file an earlier version of the app used ${reason}.` } });
  try {
    const s = statSync(path);
    if (!s.isFile()) return lost('is not a file any more');
    if (s.size > CA_PEM_MAX_CHARS) return lost(`is larger than ${CA_PEM_MAX_CHARS / 1024} KB`);
    const ca = parseCaPem(readFileSync(path, 'utf8'));
    return ca.ok ? { ca: ca.value } : lost('no longer holds a usable certificate');
  } catch (cause) {
    return lost(`could not be read (${(cause as { code?: string }).code ?? 'unreadable'})`);
  }
};

const upgradeTarget = (stored: unknown): unknown => {
  if (!isObject(stored) || !isObject(stored['target']) || !('ca_file' in stored['target'])) return stored;
  const { ca_file: path, ...target } = stored['target'];
  if (typeof path !== 'string' || path === '') return { ...stored, target };
  return { ...stored, target: { ...target, ...loadOnce(path) } };
};

export const fromV1 = (raw: RawObject): Result<RawObject> =>
  ok({ ...raw, schema_version: 2, ...(Array.isArray(raw['targets']) ? { targets: raw['targets'].map(upgradeTarget) } : {}) });
